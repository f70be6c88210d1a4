package io.storagehub.infra.simulator;

import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.kafka.EventFeed;
import java.util.List;

/**
 * Publishes envelopes to a topic in the contract's format (key = chain name, value = the encoded envelope)
 * through testkit's {@link EventFeed}: an idempotent producer with {@code acks=all}, so a chain's records land in
 * order and exactly once per send.
 */
public final class KafkaSink implements EventSink {
    /** Producer tuning: small batches for a paced live feed, large ones for a bulk backfill. */
    public enum Mode { LIVE, BULK }

    private final EventFeed feed;

    public KafkaSink(KafkaClientConfig kafka, String topic, Mode mode) {
        this.feed = new EventFeed(kafka.properties(), topic, "storagehub-simulator",
                mode == Mode.BULK ? EventFeed.Pace.BULK : EventFeed.Pace.LIVE);
    }

    @Override
    public void send(List<Envelope> events) {
        feed.publish(events);
    }

    @Override
    public void flush() {
        feed.flush();
    }

    @Override
    public String describe() {
        return feed.describe();
    }

    @Override
    public void close() {
        feed.close();
    }
}
