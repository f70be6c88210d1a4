package io.storagehub.testkit.kafka;

import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes chain events to a topic as the chain bridge does (key = chain name, value = the encoded envelope),
 * through an idempotent {@code acks=all} producer: for tests, benchmarks and the simulator. {@link #send} writes
 * to one partition and waits for the broker's offsets; {@link #publish} / {@link #flush} stream events in bulk
 * with the default partitioner (records of one chain share a key, so they land on one partition, in order).
 *
 * <p>The first record to each partition is sent alone and acknowledged before any other is handed to the producer.
 * Into a partition created a moment before, the idempotent producer's first request can be answered
 * NOT_LEADER_OR_FOLLOWER while a later request to it is appended; the retried first one is then refused as out
 * of sequence until its delivery timeout expires it, and its records are lost. One record alone cannot be
 * overtaken.
 */
public final class EventFeed implements AutoCloseable {
    private static final EventEncoder ENCODER = new EventEncoder();

    /** Producer tuning: no lingering for a paced live feed, large batches for bulk loads. */
    public enum Pace { LIVE, BULK }

    /** A record as the bridge sends it; anything, including bytes no decoder accepts. */
    public record Raw(byte[] key, byte[] value) {
        /** The record of {@code event} in the contract's format. */
        public static Raw of(Envelope event) {
            return new Raw(event.chain().getBytes(StandardCharsets.UTF_8), ENCODER.encode(event));
        }
    }

    /** Sees every chunk of {@link #produce} with the offset of its first event (on a one-partition topic). */
    public interface ChunkListener {
        void accept(List<Envelope> chunk, long firstOffset);
    }

    /** Events per chunk of {@link #produce}. */
    public static final int CHUNK = 5_000;

    private final String topic;
    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Set<Integer> opened = ConcurrentHashMap.newKeySet();
    private volatile int partitions;
    private long published;

    public EventFeed(String bootstrapServers, String topic, String clientId, Pace pace) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, clientId, pace);
    }

    /**
     * With the given client properties (bootstrap servers, and TLS/SASL settings where the cluster needs them);
     * the producer's own settings (client id, acks, idempotence, batching) are set on top.
     */
    public EventFeed(Map<String, Object> clientProperties, String topic, String clientId, Pace pace) {
        this.topic = topic;
        this.bootstrapServers = String.valueOf(clientProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, pace == Pace.BULK ? 20 : 0,
                ProducerConfig.BATCH_SIZE_CONFIG, pace == Pace.BULK ? 512 * 1024 : 16 * 1024));
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public String topic() {
        return topic;
    }

    /** Sends {@code events} to {@code partition}, in order; waits for the broker and returns their offsets. */
    public List<Long> send(int partition, List<Envelope> events) {
        List<Raw> records = new ArrayList<>(events.size());
        events.forEach(e -> records.add(Raw.of(e)));
        return sendRaw(partition, records);
    }

    /** Sends {@code records} to {@code partition}, in order; waits for the broker and returns their offsets. */
    public List<Long> sendRaw(int partition, List<Raw> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (Raw record : records) {
            sent.add(send(new ProducerRecord<>(topic, partition, record.key(), record.value()), null));
        }
        List<Long> offsets = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> s : sent) {
            offsets.add(await(s).offset());
        }
        published += records.size();
        return offsets;
    }

    /** Hands {@code events} to the producer without waiting; {@link #flush()} waits and reports failures. */
    public void publish(List<Envelope> events) {
        List<Raw> records = new ArrayList<>(events.size());
        events.forEach(e -> records.add(Raw.of(e)));
        publishRaw(records);
    }

    /** As {@link #publish}, for records as they are (each with a key). */
    public void publishRaw(List<Raw> records) {
        for (Raw raw : records) {
            send(new ProducerRecord<>(topic, partitionOf(raw.key()), raw.key(), raw.value()), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
        published += records.size();
    }

    /** The partition the producer's default partitioner gives a record with {@code key}. */
    private int partitionOf(byte[] key) {
        if (partitions == 0) {
            partitions = producer.partitionsFor(topic).size();
        }
        return BuiltInPartitioner.partitionForKey(key, partitions);
    }

    /** Hands {@code record} to the producer; the first to its partition is waited for (see the class comment). */
    private Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        Future<RecordMetadata> sent = producer.send(record, callback);
        if (!opened.contains(record.partition())) {
            await(sent);
            opened.add(record.partition());
        }
        return sent;
    }

    private RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + describe() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + describe(), e);
        }
    }

    /** Waits until everything published is acknowledged; fails with the first failure since the last flush. */
    public void flush() {
        producer.flush();
        Exception error = failure.getAndSet(null);
        if (error != null) {
            throw new IllegalStateException("publishing to " + describe() + " failed: " + error.getMessage(), error);
        }
    }

    /** Publishes the next {@code n} events of {@code source} in chunks, then {@link #flush()}es. */
    public void produce(Iterator<Envelope> source, long n, ChunkListener listener) {
        long left = n;
        while (left > 0) {
            int size = (int) Math.min(CHUNK, left);
            List<Envelope> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                chunk.add(source.next());
            }
            long first = published;
            publish(chunk);
            left -= size;
            listener.accept(chunk, first);
        }
        flush();
    }

    /** Records handed to the producer so far (on a one-partition topic written only by this feed: its end offset). */
    public long published() {
        return published;
    }

    public String describe() {
        return "topic " + topic + " on " + bootstrapServers;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
