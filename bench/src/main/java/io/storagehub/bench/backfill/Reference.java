package io.storagehub.bench.backfill;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.kafka.EventFeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The final state of the backfill's events computed by the in-memory adapter, with what the indexer writes
 * besides the read model: the dead letters (rejected events, by offset) and the event count of every block (one
 * {@code event_digest} row per block, 12 bytes per event).
 */
public final class Reference implements EventFeed.ChunkListener {
    /** A rejected event as the indexer's outbox stores it. */
    public record DeadLetterRow(long offset, Envelope event, String reasonKind, String reason, byte[] key,
                                byte[] value) {
    }

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryProjection projection = new InMemoryProjection(store);
    private final EventEncoder encoder = new EventEncoder();
    private final List<DeadLetterRow> deadLetters = new ArrayList<>();
    private final Map<Long, Integer> eventsPerBlock = new LinkedHashMap<>();
    private long events;

    @Override
    public void accept(List<Envelope> chunk, long firstOffset) {
        BatchResult result = projection.apply(Batch.of(chunk));
        List<Outcome> outcomes = result.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            eventsPerBlock.merge(o.event().block().number(), 1, Integer::sum);
            if (o.kind() == Outcome.Kind.REJECTED) {
                deadLetters.add(new DeadLetterRow(firstOffset + i, o.event(), o.reason().name(), o.detail(),
                        o.event().chain().getBytes(StandardCharsets.UTF_8), encoder.encode(o.event())));
            }
        }
        events += chunk.size();
    }

    /** The chain's changes (with their keys), in position order. */
    public List<RecordedChange> changes(String chain) {
        return new InMemoryQueries(store).recordedChanges(chain);
    }

    public ReadModelSnapshot snapshot(String chain) {
        return new InMemoryQueries(store).snapshot(chain);
    }

    public List<DeadLetterRow> deadLetters() {
        return deadLetters;
    }

    public Map<Long, Integer> eventsPerBlock() {
        return eventsPerBlock;
    }

    public long events() {
        return events;
    }
}
