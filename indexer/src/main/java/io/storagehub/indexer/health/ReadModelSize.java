package io.storagehub.indexer.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The size of the read model: the whole database's bytes, and per table of the schema its rows and bytes (table,
 * indexes and TOAST). {@code rowsEstimated} marks a count taken from the planner's statistics ({@code reltuples},
 * as of the last VACUUM / ANALYZE) instead of counted.
 */
public record ReadModelSize(long databaseBytes, List<Table> tables) {

    public record Table(String name, long rows, boolean rowsEstimated, long bytes) {
    }

    /** The bytes of the schema's tables (with their indexes and TOAST). */
    @JsonProperty("schemaBytes")
    public long schemaBytes() {
        return tables.stream().mapToLong(Table::bytes).sum();
    }
}
