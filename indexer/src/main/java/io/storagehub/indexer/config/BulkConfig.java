package io.storagehub.indexer.config;

import io.storagehub.config.ConfigException;
import io.storagehub.config.Settings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Bulk mode: where its local state lives, whether a rebuild uses it, and when {@code indexer run} builds an empty
 * read model in bulk (a first sync) instead of batch after batch.
 *
 * @param directory          local directory for the state store (one subdirectory per shadow schema)
 * @param rebuild            {@code rebuild} applies the events in bulk mode (else through the live path's batches)
 * @param firstSync          {@code run} may do a bulk first sync
 * @param firstSyncMinRecords the least number of records in the topic for which a first sync runs in bulk
 */
public record BulkConfig(Path directory, boolean rebuild, boolean firstSync, long firstSyncMinRecords) {
    public static final String DIR = "STORAGEHUB_INDEXER_BULK_DIR";
    public static final String REBUILD_MODE = "STORAGEHUB_REBUILD_MODE";
    public static final String FIRST_SYNC = "STORAGEHUB_INDEXER_FIRST_SYNC";
    public static final String FIRST_SYNC_MIN_RECORDS = "STORAGEHUB_INDEXER_FIRST_SYNC_MIN_RECORDS";
    public static final int DEFAULT_FIRST_SYNC_MIN_RECORDS = 100_000;

    public static BulkConfig from(Settings s) {
        Path directory = Path.of(s.string(DIR, Path.of(System.getProperty("java.io.tmpdir"), "storagehub-bulk")
                .toString()));
        String mode = s.string(REBUILD_MODE, "bulk").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("bulk") && !mode.equals("batches")) {
            throw new ConfigException(REBUILD_MODE + " = '" + mode + "' is invalid: expected bulk or batches");
        }
        String firstSync = s.string(FIRST_SYNC, "auto").trim().toLowerCase(Locale.ROOT);
        if (!firstSync.equals("auto") && !firstSync.equals("off")) {
            throw new ConfigException(FIRST_SYNC + " = '" + firstSync + "' is invalid: expected auto or off");
        }
        int minRecords = s.integer(FIRST_SYNC_MIN_RECORDS, DEFAULT_FIRST_SYNC_MIN_RECORDS, 1, Integer.MAX_VALUE);
        return new BulkConfig(directory, mode.equals("bulk"), firstSync.equals("auto"), minRecords);
    }

    /** The same settings with bulk mode on for the rebuild (a first sync always builds in bulk). */
    public BulkConfig forRebuild() {
        return new BulkConfig(directory, true, firstSync, firstSyncMinRecords);
    }

    /** The state directory of one shadow schema. */
    public Path stateOf(String schema) {
        return directory.resolve(schema);
    }
}
