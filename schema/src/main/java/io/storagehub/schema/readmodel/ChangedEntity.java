package io.storagehub.schema.readmodel;

import java.util.List;
import java.util.Objects;

/**
 * One entity row an event created or changed: its kind, its key as the API writes it ({@code {mspId}:{valuePropId}}
 * for a value proposition, {@code {userAccount}:{providerId}} for a payment stream, else the entity's id) and the
 * API field names whose value the event set or changed (all of them on creation), in the API's field order.
 */
public record ChangedEntity(EntityKind kind, String id, List<String> changed) {
    public ChangedEntity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        changed = List.copyOf(changed);
    }
}
