package io.storagehub.reliability.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    private static ReadModelSnapshot project(List<Envelope> events) {
        InMemoryStore store = new InMemoryStore();
        new InMemoryProjection(store).apply(Batch.of(events));
        return new InMemoryQueries(store).snapshot("alpha");
    }

    @Test
    void theSameEvents_giveIdenticalSnapshots() {
        List<Envelope> events = ChainGenerator.of("alpha", 3).take(2_000);
        assertThat(SnapshotDiff.of(project(events), project(events)).identical()).isTrue();
    }

    @Test
    void aMissingTail_showsAsMissingRowsOrChangedRows_andAnotherPosition() {
        List<Envelope> events = ChainGenerator.of("alpha", 3).take(2_000);
        SnapshotDiff diff = SnapshotDiff.of(project(events), project(events.subList(0, 1_500)));
        assertThat(diff.identical()).isFalse();
        assertThat(diff.positionEqual()).isFalse();
        assertThat(diff.missingRows()).isPositive();
        assertThat(diff.referenceRows()).isPositive();
    }
}
