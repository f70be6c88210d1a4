package io.storagehub.bench.load;

import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One generated chain published to the events topic in the contract's format (key = chain name, value = the
 * encoded envelope), in bulk: every phase continues the same chain, so the topic always holds one consistent
 * history. The topic has one partition (a chain's records share a key), so an event's offset is its ordinal.
 */
public final class EventFeed implements AutoCloseable {
    public static final int CHUNK = 5_000;

    /** Sees every produced chunk with the offset of its first event (in the reference projection, say). */
    public interface ChunkListener {
        void accept(List<Envelope> chunk, long firstOffset);
    }

    private final ChainGenerator generator;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final EventEncoder encoder = new EventEncoder();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long produced;

    public EventFeed(ChainGenerator generator, String bootstrap, String topic) {
        this.generator = generator;
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "storagehub-bench-feed",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes the next {@code n} events of the chain and waits until all are acknowledged. */
    public void produce(long n, ChunkListener listener) {
        long left = n;
        while (left > 0) {
            int size = (int) Math.min(CHUNK, left);
            List<Envelope> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                chunk.add(generator.next());
            }
            long first = produced;
            for (Envelope e : chunk) {
                producer.send(new ProducerRecord<>(topic, e.chain(), encoder.encode(e)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            produced += size;
            left -= size;
            listener.accept(chunk, first);
        }
        producer.flush();
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("publishing to " + topic + " failed: " + error.getMessage(), error);
        }
    }

    public ChainGenerator generator() {
        return generator;
    }

    /** Events published so far, i.e. the topic's end offset. */
    public long produced() {
        return produced;
    }

    @Override
    public void close() {
        producer.close();
    }
}
