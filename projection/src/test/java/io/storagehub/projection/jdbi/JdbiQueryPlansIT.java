package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main lists are index scans bounded by their keyset, in custom plans and in the generic plans a prepared
 * statement settles on after a few executions (where parameter values are unknown to the planner).
 */
class JdbiQueryPlansIT {
    private static final String CHAIN = "plans";
    private static final int PROVIDERS = 5;
    private static final int BUCKETS = 2_000;
    private static final int FILES = 5_000;
    private static final int PAGE = 21;
    private static final int CHANGES = 20_000;
    private static final int CHANGES_PER_BATCH = 1_000;
    /** Blocks between two blocks of changes: 4,000 blocks of changes span 4 partitions of change_key (V0009). */
    private static final long BLOCK_STEP = 100;
    /** A position in the second partition of change_key. */
    private static final long AFTER_BLOCK = 200_000;
    private static final Pattern CHAIN_ONLY_BOUND = Pattern.compile("(?m)Index Cond: \\((?![^\\n]* AND )chain = ");
    /** The primary key of any partition of change_key. */
    private static final String KEY_PARTITION_PKEY = "change_key_\\d+_pkey";
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");

    private static MigratedSchema db;

    @BeforeAll
    static void fill() {
        db = MigratedSchema.create();
        Rows rows = new Rows(CHAIN);
        List<BspRow> bsps = new ArrayList<>();
        for (int p = 0; p < PROVIDERS; p++) {
            rows.msp(p);
            bsps.add(rows.bsp(500 + p));
        }
        for (int b = 0; b < BUCKETS; b++) {
            rows.bucket(1_000 + b, b % PROVIDERS, (long) (b % PROVIDERS));
        }
        List<BucketRow> buckets = List.copyOf(rows.buckets);
        for (int f = 0; f < FILES; f++) {
            FileRow file = rows.file(100_000 + f, buckets.get(f % 10), "dir" + (f % 10) + "/file" + f, f);
            file.bspsRequired = 2;
            rows.stores(bsps.get(f % PROVIDERS), file);
        }
        db.jdbi.useTransaction(h -> new JdbiStateWriter(h, "live").write(List.of(rows.changes()), Optional.empty()));
        for (int from = 0; from < CHANGES; from += CHANGES_PER_BATCH) {
            Changes batch = changes(from);
            db.jdbi.useTransaction(h -> new JdbiStateWriter(h, "live").write(List.of(batch), Optional.empty()));
        }
        db.jdbi.useHandle(h -> h.execute("ANALYZE"));
    }

    /**
     * {@link #CHANGES_PER_BATCH} of {@link #CHANGES} changes from the {@code from}th, each of a file, its bucket,
     * its owner and one MSP, 5 to a block, the blocks {@link #BLOCK_STEP} apart: their keys fill several partitions
     * of {@code change_key}, a file's change alone in its key row, those of buckets, owners and MSPs grouped.
     */
    private static Changes changes(int from) {
        List<RecordedChange> recorded = new ArrayList<>();
        for (int i = from; i < from + CHANGES_PER_BATCH; i++) {
            Position position = new Position((long) (i / 5) * BLOCK_STEP, i % 5);
            String file = Ids.hex32(100_000 + i % FILES);
            recorded.add(new RecordedChange(new ChangeView(position, Ids.hex32(9), Instant.EPOCH, "FileSystem",
                    "MspAcceptedStorageRequest", "{}", List.of(new ChangedEntity(EntityKind.FILE, file,
                    List.of("updatedAt")))), List.of(RecordedChange.key(RecordedChange.FILE, file),
                    RecordedChange.key(RecordedChange.IN_BUCKET, Ids.hex32(1_000 + i % 10)),
                    RecordedChange.key(RecordedChange.ACCOUNT, Ids.account(i % 7)),
                    RecordedChange.key(RecordedChange.MSP, Ids.hex32(i % PROVIDERS)))));
        }
        return new Changes(CHAIN, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null, List.of(), recorded);
    }

    @Test
    void history_andChanges_scanTheirKeysInPositionOrder() {
        Map<String, Object> history = Map.of("chain", CHAIN,
                "key", RecordedChange.key(RecordedChange.FILE, Ids.hex32(100_003)),
                "afterBlock", AFTER_BLOCK, "afterIndex", 2L, "limit", PAGE);
        Map<String, Object> historyAsc = new HashMap<>(history);
        historyAsc.put("otherKeys", "{}"); // a history oldest first: its key alone
        Map<String, Object> filtered = Map.of("chain", CHAIN,
                "key", RecordedChange.key(RecordedChange.IN_BUCKET, Ids.hex32(1_003)),
                "otherKeys", "{" + RecordedChange.key(RecordedChange.MSP, Ids.hex32(3)) + "}", "afterBlock",
                AFTER_BLOCK, "afterIndex", 2L, "limit", PAGE);
        Map<String, Object> all = Map.of("chain", CHAIN, "afterBlock", AFTER_BLOCK, "afterIndex", 2L, "limit", PAGE);

        // each partition's primary key read in order (an ordered Append, no sort; a key row's changes put in order
        // within the row, an incremental sort), those on the wrong side of the position pruned
        assertKeysetIndexScan("filteredChanges", historyAsc, KEY_PARTITION_PKEY);
        assertKeysetIndexScan("historyDesc", history, KEY_PARTITION_PKEY);
        assertKeysetIndexScan("filteredChanges", filtered, KEY_PARTITION_PKEY);
        assertKeysetIndexScan("changes", all, "change_pkey");
        // the first key's scan (k) pruned to the partitions from the position's on (the other keys' probes, x, are
        // pruned as they run, by each change's block)
        for (Map<String, Object> binds : List.of(historyAsc, filtered)) {
            assertThat(plans("filteredChanges", binds)).allSatisfy(plan -> assertThat(plan)
                    .doesNotContainPattern("Index (Only )?Scan using change_key_0_pkey on change_key_0 k")
                    .containsPattern("Index (Only )?Scan using change_key_3_pkey on change_key_3 k"));
        }
        // newest first: backwards from the block a probe of the key found, the partitions after it not read (pruned
        // when the probe has run, so only an executed plan shows it)
        assertThat(plans("historyDesc", history)).allSatisfy(plan -> assertThat(plan)
                .containsPattern("Scan Backward using " + KEY_PARTITION_PKEY + " ")
                .containsPattern("Index Scan using change_pkey ")
                .containsPattern("key = [^\\n]*\\) AND \\(block <= \\$\\d+\\)\\)"));
        assertThat(executedPlan("historyDesc", history))
                .containsPattern("Scan Backward using change_key_1_pkey on change_key_1 k\\S* \\(actual ")
                .containsPattern("Scan Backward using change_key_2_pkey on change_key_2 k\\S* \\(never executed\\)")
                .containsPattern("Scan Backward using change_key_3_pkey on change_key_3 k\\S* \\(never executed\\)");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void bucketFiles_scansTheLocationIndex() {
        LocationRange range = LocationRange.of("dir3/", List.of("dir3/file1003", Ids.hex32(101_003)));
        Map<String, Object> binds = Map.of("chain", CHAIN, "bucketId", Ids.hex32(1_003), "prefix", "dir3/",
                "lowerLocation", range.lowerLocation(), "lowerFileKey", range.lowerFileKey(),
                "upperBound", range.upperBound(), "limit", PAGE);

        assertKeysetIndexScan("bucketFiles", binds, "file_by_location");
        assertKeysetIndexScan("bucketFilesUnderReplicated", binds, "file_under_replicated");
        Map<String, Object> tree = new HashMap<>(binds);
        tree.remove("prefix");
        tree.put("path", "dir3/");
        assertKeysetIndexScan("treeFiles", tree, "file_by_location");
    }

    @Test
    void mspBuckets_scansTheMspIndex() {
        Map<String, Object> binds = Map.of("chain", CHAIN, "mspId", Ids.hex32(2), "afterBucketId", Ids.hex32(1_500),
                "limit", PAGE);

        assertKeysetIndexScan("mspBuckets", binds, "bucket_by_msp");
    }

    @Test
    void accountFiles_andAccountBuckets_scanTheOwnerIndexes() {
        Map<String, Object> files = Map.of("chain", CHAIN, "account", Ids.account(3),
                "afterFileKey", Ids.hex32(102_000), "limit", PAGE);
        Map<String, Object> buckets = Map.of("chain", CHAIN, "account", Ids.account(3),
                "afterBucketId", Ids.hex32(1_500), "limit", PAGE);

        assertKeysetIndexScan("accountFiles", files, "file_by_owner");
        assertKeysetIndexScan("accountBuckets", buckets, "bucket_by_owner");
    }

    @Test
    void bspFiles_scansTheAssociationKey() {
        Map<String, Object> binds = Map.of("chain", CHAIN, "bspId", Ids.hex32(502), "afterFileKey", Ids.hex32(100_500),
                "limit", PAGE);

        assertKeysetIndexScan("bspFiles", binds, "file_bsp_pkey");
    }

    /**
     * Both plans of the query read its rows from {@code index}, in order (no sort, no sequential scan), and no
     * index scan is bounded by the chain alone (which would walk the chain's rows up to the page).
     */
    private static void assertKeysetIndexScan(String query, Map<String, Object> binds, String index) {
        assertThat(plans(query, binds)).allSatisfy(plan -> assertThat(plan)
                .containsPattern("Index (Only )?Scan (Backward )?using " + index + " ")
                .doesNotContain("Seq Scan")
                // a Sort node (not a Sort Key line, nor the Incremental Sort of each key row's changes)
                .doesNotContainPattern("(?m)^\\s*(->\\s+)?Sort\\s+\\(")
                .doesNotContainPattern(CHAIN_ONLY_BOUND));
    }

    /**
     * The query's plan for these values, and its generic plan: the plan a server-side prepared statement may
     * settle on after a few executions, made without looking at the values.
     */
    private static List<String> plans(String query, Map<String, Object> binds) {
        String sql = Sql.of(JdbiStorageQueries.class, query);
        return db.jdbi.inTransaction(h -> List.of(
                "custom plan:\n" + lines(h.createQuery("EXPLAIN " + sql).bindMap(binds)),
                "generic plan:\n" + genericPlan(h, sql, binds)));
    }

    /** The query's plan for these values as it ran, each node with what it did ({@code EXPLAIN ANALYZE}). */
    private static String executedPlan(String query, Map<String, Object> binds) {
        String sql = Sql.of(JdbiStorageQueries.class, query);
        return db.jdbi.inTransaction(h -> lines(h.createQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql)
                .bindMap(binds)));
    }

    private static String genericPlan(Handle h, String sql, Map<String, Object> binds) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder numbered = new StringBuilder();
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
            m.appendReplacement(numbered, "\\$" + (names.indexOf(m.group(1)) + 1));
        }
        m.appendTail(numbered);
        h.execute("PREPARE planned AS " + numbered);
        h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        // EXECUTE takes no bound parameters: the values go in as literals, quoted by the server
        List<String> arguments = names.stream().map(n -> h.createQuery("SELECT quote_literal(CAST(:v AS text))")
                .bind("v", String.valueOf(binds.get(n))).mapTo(String.class).one()).toList();
        String plan = lines(h.createQuery("EXPLAIN EXECUTE planned(" + String.join(", ", arguments) + ")"));
        h.execute("DEALLOCATE planned");
        return plan;
    }

    private static String lines(Query explain) {
        return String.join("\n", explain.mapTo(String.class).list());
    }
}
