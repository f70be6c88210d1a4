package io.storagehub.projection.state;

import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A change's entities as stored (the {@code entities} column): compact text, entities separated by {@code ;},
 * each the kind's number ({@link EntityKind} order), a space, the id, a space, and the changed fields as a hex bit
 * mask over the kind's API fields ({@link EntityFields#of}). A third of the size of the API's JSON, which matters
 * for a table written once per event.
 */
public final class StoredEntities {
    private static final EntityKind[] KINDS = EntityKind.values();

    private StoredEntities() {
    }

    public static String write(List<ChangedEntity> entities) {
        StringBuilder text = new StringBuilder(96 * entities.size());
        for (ChangedEntity e : entities) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            List<String> fields = EntityFields.of(e.kind());
            long mask = 0;
            if (e.changed() == fields) {
                mask = (1L << fields.size()) - 1; // a created row: every field (the list itself, not a copy)
            } else {
                for (String name : e.changed()) {
                    int bit = EntityFields.bit(e.kind(), name);
                    if (bit < 0) {
                        throw new IllegalArgumentException(name + " is not a field of " + e.kind().apiName());
                    }
                    mask |= 1L << bit;
                }
            }
            text.append(e.kind().ordinal()).append(' ').append(e.id()).append(' ').append(Long.toHexString(mask));
        }
        return text.toString();
    }

    public static List<ChangedEntity> read(String text) {
        List<ChangedEntity> entities = new ArrayList<>(4);
        if (text.isEmpty()) {
            return entities;
        }
        for (String entity : text.split(";")) {
            int first = entity.indexOf(' ');
            int second = entity.indexOf(' ', first + 1);
            if (first < 0 || second < 0) {
                throw new IllegalStateException("stored change entity is not 'kind id mask': " + entity);
            }
            EntityKind kind = KINDS[Integer.parseInt(entity, 0, first, 10)];
            long mask = Long.parseLong(entity, second + 1, entity.length(), 16);
            List<String> fields = EntityFields.of(kind);
            List<String> changed = new ArrayList<>(Long.bitCount(mask));
            for (int bit = 0; bit < fields.size(); bit++) {
                if ((mask & (1L << bit)) != 0) {
                    changed.add(fields.get(bit));
                }
            }
            entities.add(new ChangedEntity(kind, entity.substring(first + 1, second), changed));
        }
        return entities;
    }
}
