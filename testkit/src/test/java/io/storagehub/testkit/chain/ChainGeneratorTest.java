package io.storagehub.testkit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.event.ProvidersEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainGeneratorTest {

    @Test
    void sameSeed_yieldsTheSameSequenceAndVerdicts() {
        // given
        ChainGenerator a = ChainGenerator.of("net-a", 42);
        ChainGenerator b = ChainGenerator.of("net-a", 42);

        // when
        List<Envelope> fromA = new ArrayList<>();
        List<Envelope> fromB = new ArrayList<>();
        List<Verdict> verdictsA = new ArrayList<>();
        List<Verdict> verdictsB = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            fromA.add(a.next());
            verdictsA.add(a.lastVerdict());
            fromB.add(b.next());
            verdictsB.add(b.lastVerdict());
        }

        // then
        assertThat(fromA).isEqualTo(fromB);
        assertThat(verdictsA).isEqualTo(verdictsB);
    }

    @Test
    void differentSeedOrChain_yieldsADifferentSequence() {
        // given
        List<Envelope> base = ChainGenerator.of("net-a", 42).take(200);

        // when
        List<Envelope> otherSeed = ChainGenerator.of("net-a", 43).take(200);
        List<Envelope> otherChain = ChainGenerator.of("net-b", 42).take(200);

        // then
        assertThat(events(otherSeed)).isNotEqualTo(events(base));
        assertThat(events(otherChain)).isNotEqualTo(events(base));
    }

    @Test
    void positionsStrictlyIncrease_inBlocksLinkedByHash_sixSecondsApart() {
        // given
        ChainGenerator generator = new ChainGenerator(ChainGenerator.Config.defaults("net-a", 7));

        // when
        List<Envelope> events = generator.take(20_000);

        // then
        Envelope previous = null;
        int eventsInBlock = 0;
        int maxInBlock = 0;
        for (Envelope e : events) {
            assertThat(e.chain()).isEqualTo("net-a");
            BlockRef block = e.block();
            assertThat(block.timestamp()).isEqualTo(ChainGenerator.EPOCH.plusSeconds(6 * block.number()));
            assertThat(block.hash()).isEqualTo(generator.blockHash(block.number()));
            assertThat(block.parentHash()).isEqualTo(generator.blockHash(block.number() - 1));
            if (previous == null) {
                assertThat(e.position()).isEqualTo(new Position(1, 0));
            } else {
                assertThat(e.position().isAfter(previous.position())).isTrue();
                if (block.number() == previous.block().number()) {
                    assertThat(e.index()).isEqualTo(previous.index() + 1);
                    assertThat(block).isEqualTo(previous.block());
                    eventsInBlock++;
                } else {
                    assertThat(block.number()).isEqualTo(previous.block().number() + 1);
                    assertThat(block.parentHash()).isEqualTo(previous.block().hash());
                    assertThat(e.index()).isZero();
                    eventsInBlock = 1;
                }
            }
            maxInBlock = Math.max(maxInBlock, eventsInBlock);
            previous = e;
        }
        assertThat(maxInBlock).isBetween(2, 12);
    }

    /** Fails when a projected event type is added to the model but never generated. */
    @Test
    void everyProjectedEventType_appearsInTwentyThousandEvents() {
        // given
        ChainGenerator generator = ChainGenerator.of("net-a", 1);

        // when
        generator.take(20_000);

        // then
        Mix mix = generator.mix();
        List<String> missing = new ArrayList<>();
        for (Class<?> family : ChainEvent.class.getPermittedSubclasses()) {
            if (family == NotProjected.class) {
                continue;
            }
            String pallet = palletOf(family);
            assertThat(family.getPermittedSubclasses()).isNotEmpty();
            for (Class<?> type : family.getPermittedSubclasses()) {
                if (mix.count(pallet, type.getSimpleName()) == 0) {
                    missing.add(pallet + "." + type.getSimpleName());
                }
            }
        }
        assertThat(missing).as("event types never generated").isEmpty();
        assertThat(mix.byPallet()).containsKeys("System", "Balances");
        assertThat(generator.count(Verdict.NOT_PROJECTED)).isPositive();
    }

    @Test
    void notProjectedEvents_neverUseAProjectedName() {
        // given
        ChainGenerator generator = ChainGenerator.of("net-a", 5);

        // when
        List<Envelope> events = generator.take(5_000);

        // then
        for (Envelope e : events) {
            if (e.event() instanceof NotProjected) {
                NotProjected np = (NotProjected) e.event();
                assertThat(projectedNames()).doesNotContain(np.pallet() + "." + np.name());
                assertThat(np.dataJson()).startsWith("{").endsWith("}").doesNotContain(" ");
            }
        }
    }

    @Test
    void poisonShare_followsTheConfiguredRate() {
        // given
        ChainGenerator byDefault = ChainGenerator.of("net-a", 11);
        ChainGenerator heavy = new ChainGenerator(ChainGenerator.Config.defaults("net-a", 11).withPoisonRate(0.2));
        ChainGenerator none = new ChainGenerator(ChainGenerator.Config.defaults("net-a", 11).withPoisonRate(0));

        // when
        byDefault.take(20_000);
        heavy.take(20_000);
        none.take(20_000);

        // then
        assertThat(byDefault.poisonCount() / 20_000.0).isBetween(0.006, 0.014);
        assertThat(heavy.poisonCount() / 20_000.0).isBetween(0.18, 0.22);
        assertThat(none.poisonCount()).isZero();
    }

    @Test
    void config_rejectsOutOfRangeValues_namingTheKey() {
        assertThatThrownBy(() -> ChainGenerator.of("Not_Valid", 1)).hasMessageContaining("chain");
        ChainGenerator.Config ok = ChainGenerator.Config.defaults("net-a", 1);
        assertThatThrownBy(() -> ok.withPoisonRate(0.9)).hasMessageContaining("poisonRate");
        assertThatThrownBy(() -> ok.withEventsPerBlockMax(0)).hasMessageContaining("eventsPerBlockMax");
        assertThatThrownBy(() -> ok.withNotProjectedRate(-0.1)).hasMessageContaining("notProjectedRate");
        assertThatThrownBy(() -> ok.withLiveFilesTarget(3)).hasMessageContaining("liveFilesTarget");
    }

    @Test
    void streamsAMillionEvents_withBoundedLiveState() {
        // given
        ChainGenerator generator = new ChainGenerator(
                ChainGenerator.Config.defaults("net-a", 3).withLiveFilesTarget(2_000));
        int maxLiveFiles = 0;

        // when
        for (int i = 0; i < 1_000_000; i++) {
            generator.next();
            if (i % 10_000 == 0) {
                maxLiveFiles = Math.max(maxLiveFiles, generator.world().liveFiles());
            }
        }

        // then
        assertThat(generator.emitted()).isEqualTo(1_000_000);
        assertThat(generator.mix().total()).isEqualTo(1_000_000);
        assertThat(maxLiveFiles).isBetween(1_000, 4_000);
        assertThat(generator.world().liveBuckets.size()).isLessThan(2_000);
        assertThat(generator.world().retired.size()).isLessThanOrEqualTo(World.RETIRED_CAP);
    }

    private static List<ChainEvent> events(List<Envelope> envelopes) {
        List<ChainEvent> events = new ArrayList<>();
        envelopes.forEach(e -> events.add(e.event()));
        return events;
    }

    private static String palletOf(Class<?> family) {
        if (family == ProvidersEvent.class) {
            return ProvidersEvent.PALLET;
        }
        if (family == FileSystemEvent.class) {
            return FileSystemEvent.PALLET;
        }
        if (family == PaymentStreamsEvent.class) {
            return PaymentStreamsEvent.PALLET;
        }
        throw new AssertionError("a new event family needs generating: " + family);
    }

    private static List<String> projectedNames() {
        List<String> names = new ArrayList<>();
        for (Class<?> family : ChainEvent.class.getPermittedSubclasses()) {
            if (family != NotProjected.class) {
                for (Class<?> type : family.getPermittedSubclasses()) {
                    names.add(palletOf(family) + "." + type.getSimpleName());
                }
            }
        }
        return names;
    }
}
