package io.storagehub.reliability.poison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** An encoded event as a JSON tree, to cut one field out or replace it before it goes on the wire. */
final class Tree {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventEncoder ENCODER = new EventEncoder();

    private final ObjectNode root;

    private Tree(ObjectNode root) {
        this.root = root;
    }

    static Tree of(Envelope event) {
        try {
            return new Tree((ObjectNode) JSON.readTree(ENCODER.encode(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the field at a dotted path ({@code block.number}, {@code data.valueProp.id}). */
    Tree set(String path, JsonNode value) {
        parent(path).set(last(path), value);
        return this;
    }

    Tree set(String path, String value) {
        return set(path, NODES.textNode(value));
    }

    /** Replaces a number with its literal digits as written ({@code 18446744073709551616}, {@code 1e3}). */
    Tree setNumber(String path, String literal) {
        return set(path, NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(literal)));
    }

    Tree remove(String path) {
        parent(path).remove(last(path));
        return this;
    }

    JsonNode get(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.get(part);
        }
        return node;
    }

    private ObjectNode parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? root : (ObjectNode) get(path.substring(0, dot));
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    String text() {
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
