package io.storagehub.indexer.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.indexer.consumer.Decoded;
import io.storagehub.indexer.consumer.RecordDecoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends contract events from a JSON-lines source to the topic, one record per non-blank line, keyed by the
 * event's {@code chain}. Each line is validated with the contract's decoder first and an invalid line is
 * reported and not sent; in raw mode lines are sent as they are (the key is the {@code chain} field when the
 * line has one), e.g. to feed poison records to a test topic.
 */
public final class JsonLinesPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERRORS = 100;

    private final Producer<byte[], byte[]> producer;
    private final RecordDecoder decoder;
    private final String topic;

    public JsonLinesPublisher(Producer<byte[], byte[]> producer, RecordDecoder decoder, String topic) {
        this.producer = producer;
        this.decoder = decoder;
        this.topic = topic;
    }

    public PublishReport publish(BufferedReader lines, boolean raw) throws IOException {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int read = 0;
        int invalid = 0;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            read++;
            byte[] value = line.getBytes(StandardCharsets.UTF_8);
            String key = chainOf(line);
            if (!raw) {
                Decoded decoded = decoder.decode(key, value);
                if (decoded instanceof Decoded.Poison poison) {
                    invalid++;
                    if (errors.size() < MAX_ERRORS) {
                        errors.add("line " + number + ": " + poison.kind() + ": " + poison.message());
                    }
                    continue;
                }
            }
            byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            sends.add(producer.send(new ProducerRecord<>(topic, keyBytes, value)));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            await(send);
        }
        return new PublishReport(read, sends.size(), invalid, errors);
    }

    private static void await(Future<RecordMetadata> send) throws IOException {
        try {
            send.get();
        } catch (ExecutionException e) {
            throw new IOException("sending to Kafka failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    /** The line's top-level {@code chain} string, or null when the line is not an object with one. */
    static String chainOf(String line) {
        try {
            JsonNode chain = JSON.readTree(line).get("chain");
            return chain != null && chain.isTextual() ? chain.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
