package io.storagehub.indexer.deadletter;

import io.storagehub.schema.event.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Names of the headers a dead-letter record carries; values are UTF-8 text. */
public final class DlqHeaders {
    public static final String OUTBOX_ID = "dlq.outbox.id";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String REASON_KIND = "dlq.reason.kind";
    public static final String REASON = "dlq.reason";
    public static final String CHAIN = "dlq.chain";
    public static final String POSITION = "dlq.position";

    private DlqHeaders() {
    }

    static void write(Headers headers, long outboxId, DeadLetter letter) {
        add(headers, OUTBOX_ID, Long.toString(outboxId));
        add(headers, SOURCE_TOPIC, letter.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(letter.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(letter.offset()));
        add(headers, REASON_KIND, letter.reasonKind());
        add(headers, REASON, letter.reason());
        letter.chain().ifPresent(chain -> add(headers, CHAIN, chain));
        letter.position().ifPresent(position -> add(headers, POSITION, position.toString()));
    }

    /**
     * A record of the dead-letter topic as a dead letter, read back from its headers. Missing or malformed
     * headers (a record some other producer wrote) read as empty, {@code -1} or {@code "?"}.
     */
    static DlqEntry read(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        DeadLetter letter = new DeadLetter(text(headers, SOURCE_TOPIC).orElse("?"),
                (int) number(headers, SOURCE_PARTITION).orElse(-1), number(headers, SOURCE_OFFSET).orElse(-1),
                text(headers, CHAIN), text(headers, POSITION).flatMap(DlqHeaders::position),
                text(headers, REASON_KIND).orElse("?"), text(headers, REASON).orElse(""), record.key(),
                record.value());
        return new DlqEntry(number(headers, OUTBOX_ID), Instant.ofEpochMilli(record.timestamp()),
                Optional.of(new DlqEntry.Location(record.partition(), record.offset())), letter);
    }

    private static OptionalLong number(Headers headers, String name) {
        try {
            return text(headers, name).map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Position> position(String text) {
        int colon = text.indexOf(':');
        try {
            return colon < 0 ? Optional.empty() : Optional.of(new Position(Long.parseLong(text.substring(0, colon)),
                    Long.parseLong(text.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The text of the last header named {@code name}, if present. */
    public static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
