package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import java.nio.charset.StandardCharsets;

/** A valid wire envelope as a mutable JSON tree, for tests that break one rule at a time. */
final class WireFixture {
    static final String CHAIN = "storagehub-local";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final ObjectNode root;

    private WireFixture(ObjectNode root) {
        this.root = root;
    }

    static WireFixture of(ChainEvent event) {
        try {
            return new WireFixture((ObjectNode) JSON.readTree(new EventEncoder().toJson(Samples.envelope(event))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the field at a dotted path ("data.valueProp.bucketDataLimit") to a JSON literal. */
    WireFixture set(String path, String jsonLiteral) {
        try {
            parent(path).set(last(path), JSON.readTree(jsonLiteral));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(jsonLiteral, e);
        }
        return this;
    }

    WireFixture remove(String path) {
        parent(path).remove(last(path));
        return this;
    }

    String json() {
        return root.toString();
    }

    Envelope decode() throws DecodeException {
        return new EventDecoder().decode(CHAIN, json().getBytes(StandardCharsets.UTF_8));
    }

    DecodeException rejected(DecodeError kind, String reason) {
        return rejected(CHAIN, json().getBytes(StandardCharsets.UTF_8), kind, reason);
    }

    static DecodeException rejected(String key, byte[] value, DecodeError kind, String reason) {
        DecodeException e = catchThrowableOfType(DecodeException.class, () -> new EventDecoder().decode(key, value));
        assertThat(e).as("decoding should fail with %s: %s", kind, reason).isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(reason);
        return e;
    }

    static DecodeException rejected(String text, DecodeError kind, String reason) {
        return rejected(CHAIN, text.getBytes(StandardCharsets.UTF_8), kind, reason);
    }

    private ObjectNode parent(String path) {
        JsonNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
        }
        return (ObjectNode) node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
