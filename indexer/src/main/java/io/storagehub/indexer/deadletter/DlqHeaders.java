package io.storagehub.indexer.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
