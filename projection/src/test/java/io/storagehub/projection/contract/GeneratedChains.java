package io.storagehub.projection.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.Projection;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.chain.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Feeds a generated chain to projections in random batch sizes, checking each outcome against the generator. */
public final class GeneratedChains {

    /** Events with the outcome the generator expects for each. */
    public record Expected(List<Envelope> events, List<Verdict> verdicts) {
    }

    private GeneratedChains() {
    }

    public static Expected generate(ChainGenerator.Config config, int count) {
        ChainGenerator generator = new ChainGenerator(config);
        List<Envelope> events = new ArrayList<>(count);
        List<Verdict> verdicts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(generator.next());
            verdicts.add(generator.lastVerdict());
        }
        return new Expected(events, verdicts);
    }

    /** Applies the events to every projection in the same random batches; asserts every outcome. */
    public static void applyInRandomBatches(Expected expected, long seed, int maxBatch, Projection... projections) {
        Random random = new Random(seed);
        List<Envelope> events = expected.events();
        int from = 0;
        while (from < events.size()) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(maxBatch));
            Batch batch = Batch.of(events.subList(from, to));
            for (Projection projection : projections) {
                BatchResult result = projection.apply(batch);
                for (int i = 0; i < result.outcomes().size(); i++) {
                    assertOutcome(result.outcomes().get(i), expected.verdicts().get(from + i));
                }
            }
            from = to;
        }
    }

    static void assertOutcome(Outcome outcome, Verdict verdict) {
        java.util.function.Supplier<String> what =
                () -> outcome.event() + " -> " + outcome.kind() + " " + outcome.detail();
        switch (verdict) {
            case APPLIED -> assertThat(outcome.kind()).as(what).isEqualTo(Outcome.Kind.APPLIED);
            case NOT_PROJECTED -> assertThat(outcome.kind()).as(what).isEqualTo(Outcome.Kind.SKIPPED_NOT_PROJECTED);
            default -> {
                assertThat(outcome.kind()).as(what).isEqualTo(Outcome.Kind.REJECTED);
                assertThat(outcome.reason().name()).as(what).isEqualTo(verdict.name());
            }
        }
    }
}
