package io.storagehub.schema.readmodel;

import io.storagehub.schema.event.Position;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One applied event kept as a change: where it sits, its block, its wire {@code pallet} and {@code name}, its
 * {@code data} as decoded (a JSON object, as text: ids lowercase, u64 as JSON integers, u128 as decimal strings)
 * and the entity rows it created or changed. Skipped, duplicate and dead-lettered records are not changes.
 */
public record ChangeView(Position position, String blockHash, Instant blockTime, String pallet, String name,
                         String dataJson, List<ChangedEntity> entities) {
    public ChangeView {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(blockTime, "blockTime");
        Objects.requireNonNull(pallet, "pallet");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataJson, "dataJson");
        entities = List.copyOf(entities);
    }
}
