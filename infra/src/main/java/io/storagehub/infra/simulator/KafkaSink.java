package io.storagehub.infra.simulator;

import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes envelopes to a topic in the contract's format: key = chain name, value = the encoded envelope. The
 * producer is idempotent with {@code acks=all}, so a chain's records land in order and exactly once per send.
 */
public final class KafkaSink implements EventSink {
    /** Producer tuning: small batches for a paced live feed, large ones for a bulk backfill. */
    public enum Mode { LIVE, BULK }

    private final String topic;
    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final EventEncoder encoder = new EventEncoder();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaSink(KafkaClientConfig kafka, String topic, Mode mode) {
        this.topic = topic;
        this.bootstrapServers = kafka.bootstrapServers();
        Map<String, Object> props = new HashMap<>(kafka.properties());
        props.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "storagehub-simulator",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, mode == Mode.BULK ? 20 : 0,
                ProducerConfig.BATCH_SIZE_CONFIG, mode == Mode.BULK ? 512 * 1024 : 16 * 1024));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(List<Envelope> events) {
        for (Envelope e : events) {
            producer.send(new ProducerRecord<>(topic, e.chain(), encoder.encode(e)), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
    }

    @Override
    public void flush() {
        producer.flush();
        Exception error = failure.getAndSet(null);
        if (error != null) {
            throw new IllegalStateException("publishing to " + describe() + " failed: " + error.getMessage(), error);
        }
    }

    @Override
    public String describe() {
        return "topic " + topic + " on " + bootstrapServers;
    }

    @Override
    public void close() {
        producer.close();
    }
}
