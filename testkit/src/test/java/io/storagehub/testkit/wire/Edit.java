package io.storagehub.testkit.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change of a record value's JSON at a dotted path ({@code data.valueProp.commitment}): set the field to a JSON
 * literal, or remove it ({@code json} null). The parent object must exist.
 */
record Edit(String path, String json) {

    static Edit set(String path, String json) {
        return new Edit(path, json);
    }

    static Edit setText(String path, String text) {
        return new Edit(path, EnvelopeSchema.MAPPER.getNodeFactory().textNode(text).toString());
    }

    static Edit remove(String path) {
        return new Edit(path, null);
    }

    void applyTo(ObjectNode root) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : root.at("/" + path.substring(0, dot).replace('.', '/'));
        if (!(parent instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at the parent of " + path + " in " + root);
        }
        String field = path.substring(dot + 1);
        if (json == null) {
            object.remove(field);
        } else {
            object.set(field, parse(json));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return EnvelopeSchema.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON literal: " + json, e);
        }
    }
}
