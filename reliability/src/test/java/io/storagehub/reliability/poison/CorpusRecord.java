package io.storagehub.reliability.poison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One record of the poison corpus: a Kafka key and value (either may be null) and what the indexer must do
 * with it: {@code APPLIED}, {@code NOT_PROJECTED}, {@code DUPLICATE}, or the dead-letter reason kind (a
 * {@code DecodeError} or {@code RejectReason} name). One JSON line in the file: {@code case}, {@code expect},
 * then {@code key}/{@code value} as text when they are UTF-8, else {@code keyBase64}/{@code valueBase64}.
 */
public record CorpusRecord(String caseName, String expect, byte[] key, byte[] value) {
    public static final String APPLIED = "APPLIED";
    public static final String NOT_PROJECTED = "NOT_PROJECTED";
    public static final String DUPLICATE = "DUPLICATE";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the indexer must dead-letter this record. */
    public boolean poison() {
        return !expect.equals(APPLIED) && !expect.equals(NOT_PROJECTED) && !expect.equals(DUPLICATE);
    }

    public Optional<String> keyText() {
        return key == null ? Optional.empty() : utf8(key);
    }

    String toJsonLine() {
        ObjectNode line = JSON.createObjectNode();
        line.put("case", caseName);
        line.put("expect", expect);
        put(line, "key", key);
        put(line, "value", value);
        try {
            return JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode line, String field, byte[] bytes) {
        if (bytes == null) {
            line.putNull(field);
            return;
        }
        Optional<String> text = utf8(bytes);
        if (text.isPresent()) {
            line.put(field, text.get());
        } else {
            line.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    static CorpusRecord parse(String jsonLine) {
        try {
            JsonNode line = JSON.readTree(jsonLine);
            return new CorpusRecord(line.get("case").asText(), line.get("expect").asText(), bytes(line, "key"),
                    bytes(line, "value"));
        } catch (IOException e) {
            throw new UncheckedIOException("not a corpus line: " + jsonLine, e);
        }
    }

    private static byte[] bytes(JsonNode line, String field) {
        JsonNode base64 = line.get(field + "Base64");
        if (base64 != null) {
            return Base64.getDecoder().decode(base64.asText());
        }
        JsonNode text = line.get(field);
        return text == null || text.isNull() ? null : text.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return caseName + " -> " + expect;
    }
}
