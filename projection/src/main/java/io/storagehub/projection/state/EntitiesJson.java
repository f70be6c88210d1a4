package io.storagehub.projection.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A change's entities as stored (the {@code entities} column): a JSON array of
 * {@code {"kind", "id", "changed": [field names]}}, the shape the API serves.
 */
public final class EntitiesJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EntitiesJson() {
    }

    public static String write(List<ChangedEntity> entities) {
        StringWriter text = new StringWriter(64 + 96 * entities.size());
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartArray();
            for (ChangedEntity e : entities) {
                out.writeStartObject();
                out.writeStringField("kind", e.kind().apiName());
                out.writeStringField("id", e.id());
                out.writeArrayFieldStart("changed");
                for (String field : e.changed()) {
                    out.writeString(field);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static List<ChangedEntity> read(String json) {
        List<ChangedEntity> entities = new ArrayList<>();
        try (JsonParser in = FACTORY.createParser(json)) {
            expect(in.nextToken(), JsonToken.START_ARRAY, json);
            while (in.nextToken() == JsonToken.START_OBJECT) {
                EntityKind kind = null;
                String id = null;
                List<String> changed = new ArrayList<>();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    JsonToken value = in.nextToken();
                    switch (name) {
                        case "kind" -> kind = EntityKind.ofApiName(in.getText()).orElseThrow(
                                () -> new IllegalStateException("unknown entity kind in " + json));
                        case "id" -> id = in.getText();
                        case "changed" -> {
                            expect(value, JsonToken.START_ARRAY, json);
                            while (in.nextToken() == JsonToken.VALUE_STRING) {
                                changed.add(in.getText());
                            }
                        }
                        default -> in.skipChildren();
                    }
                }
                entities.add(new ChangedEntity(kind, id, changed));
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored change entities are not valid JSON: " + json, e);
        }
        return entities;
    }

    private static void expect(JsonToken actual, JsonToken expected, String json) {
        if (actual != expected) {
            throw new IllegalStateException("stored change entities: expected " + expected + ", got " + actual
                    + " in " + json);
        }
    }
}
