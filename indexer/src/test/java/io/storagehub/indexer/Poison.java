package io.storagehub.indexer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Wire-level poison made from valid events. */
final class Poison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventEncoder ENCODER = new EventEncoder();

    private Poison() {
    }

    static byte[] withVersion(Envelope event, int version) {
        ObjectNode root = tree(event);
        root.put("v", version);
        return bytes(root);
    }

    static byte[] withoutDataField(Envelope event, String field) {
        ObjectNode root = tree(event);
        ((ObjectNode) root.get("data")).remove(field);
        return bytes(root);
    }

    private static ObjectNode tree(Envelope event) {
        try {
            return (ObjectNode) JSON.readTree(ENCODER.encode(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
