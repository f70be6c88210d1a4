package io.storagehub.reliability.stream;

import io.storagehub.projection.Batch;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.codec.DecodeException;
import io.storagehub.schema.codec.EventDecoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.kafka.EventFeed;
import io.storagehub.testkit.kafka.EventFeed.Raw;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The bridge of a test: sends records to the events topic and, for each, works out what the indexer must do
 * with it: the contract's decoder and the in-memory reference projection (fed the same events in the same
 * order) say so. The {@link Ledger} keeps that per offset (the offsets the broker assigned), the reference
 * keeps the read model the indexer must reach.
 */
public final class Feed implements AutoCloseable {
    private final String topic;
    private final EventFeed producer;
    private final EventDecoder decoder = new EventDecoder();
    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryProjection reference = new InMemoryProjection(store);
    private final Ledger ledger = new Ledger();
    private final TreeSet<String> chains = new TreeSet<>();

    public Feed(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = new EventFeed(bootstrap, topic, "reliability-feed-" + topic, EventFeed.Pace.BULK);
    }

    public String topic() {
        return topic;
    }

    public Raw raw(Envelope event) {
        return Raw.of(event);
    }

    public void sendEvents(int partition, List<Envelope> events) {
        List<Raw> records = new ArrayList<>(events.size());
        events.forEach(e -> records.add(raw(e)));
        send(partition, records);
    }

    /** Sends records to one partition, in order, and waits until the broker has them all. */
    public void send(int partition, List<Raw> records) {
        List<Expectation> expectations = expect(records);
        List<Long> offsets = producer.sendRaw(partition, records);
        for (int i = 0; i < offsets.size(); i++) {
            long offset = offsets.get(i);
            Expectation e = expectations.get(i);
            ledger.record(partition, offset, e.expect());
            if (e.expect() == Expect.DEAD_LETTERED) {
                ledger.dead(new Ledger.Dead(partition, offset, e.reasonKind(), digest(records.get(i).value())));
            }
        }
    }

    private record Expectation(Expect expect, String reasonKind) {
    }

    private List<Expectation> expect(List<Raw> records) {
        List<Expectation> expectations = new ArrayList<>(records.size());
        List<Envelope> events = new ArrayList<>();
        List<Integer> eventIndexes = new ArrayList<>();
        for (Raw record : records) {
            try {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                events.add(decoder.decode(key, record.value()));
                eventIndexes.add(expectations.size());
                expectations.add(null);
            } catch (DecodeException e) {
                expectations.add(new Expectation(Expect.DEAD_LETTERED, e.kind().name()));
            }
        }
        List<Outcome> outcomes = reference.apply(Batch.of(events)).outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            chains.add(outcome.event().chain());
            expectations.set(eventIndexes.get(i), expectation(outcome));
            if (outcome.kind() != Outcome.Kind.SKIPPED_DUPLICATE
                    && outcome.reason() != Outcome.RejectReason.CONFLICTING_DUPLICATE) {
                ledger.consumed(outcome.event().chain());
            }
        }
        return expectations;
    }

    private static Expectation expectation(Outcome outcome) {
        switch (outcome.kind()) {
            case APPLIED: return new Expectation(Expect.APPLIED, null);
            case SKIPPED_NOT_PROJECTED: return new Expectation(Expect.NOT_PROJECTED, null);
            case SKIPPED_DUPLICATE: return new Expectation(Expect.DUPLICATE, null);
            default: return new Expectation(Expect.DEAD_LETTERED, outcome.reason().name());
        }
    }

    public static String digest(byte[] value) {
        if (value == null) {
            return "null";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Every chain the reference saw an event of. */
    public List<String> chains() {
        return List.copyOf(chains);
    }

    /** The read model the indexer must reach for {@code chain}. */
    public ReadModelSnapshot reference(String chain) {
        return new InMemoryQueries(store).snapshot(chain);
    }

    @Override
    public void close() {
        producer.close();
    }
}
