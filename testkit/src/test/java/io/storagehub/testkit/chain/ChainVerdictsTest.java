package io.storagehub.testkit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.ProvidersEvent;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator's claimed verdicts agree with an independent reading of the apply rules. */
class ChainVerdictsTest {

    @Test
    void everyVerdict_matchesTheApplyRules_withHeavyPoison() {
        assertVerdictsMatch(ChainGenerator.Config.defaults("net-a", 21).withPoisonRate(0.1), 100_000);
    }

    @Test
    void everyVerdict_matchesTheApplyRules_withASmallLiveSet() {
        assertVerdictsMatch(ChainGenerator.Config.defaults("net-b", 22).withLiveFilesTarget(200), 100_000);
    }

    private static void assertVerdictsMatch(ChainGenerator.Config config, int events) {
        // given
        ChainGenerator generator = new ChainGenerator(config);
        ApplyRules rules = new ApplyRules();
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);

        // when / then
        for (int i = 0; i < events; i++) {
            Envelope e = generator.next();
            checkRealism(rules, e);
            Verdict expected = rules.apply(e.event());
            assertThat(generator.lastVerdict()).as("verdict of %s at %s", e.event(), e.position())
                    .isEqualTo(expected);
            seen.merge(expected, 1, Integer::sum);
        }
        assertThat(seen).containsKeys(Verdict.values());
    }

    /** Realism the rules do not demand: only empty buckets are deleted, MSPs leave once they store none. */
    private static void checkRealism(ApplyRules rules, Envelope e) {
        if (e.event() instanceof FileSystemEvent.BucketDeleted) {
            String bucket = ((FileSystemEvent.BucketDeleted) e.event()).bucketId().hex();
            if (rules.bucketLive(bucket)) {
                assertThat(rules.liveFiles(bucket)).as("files in deleted bucket %s", bucket).isZero();
            }
        }
        if (e.event() instanceof ProvidersEvent.MspSignOffSuccess) {
            String msp = ((ProvidersEvent.MspSignOffSuccess) e.event()).mspId().hex();
            if (rules.isMsp(msp)) {
                assertThat(rules.bucketsOf(msp)).as("buckets of MSP %s signing off", msp).isZero();
            }
        }
    }
}
