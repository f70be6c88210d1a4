package io.storagehub.bench.query;

import io.storagehub.bench.BenchOptions;
import io.storagehub.bench.env.CpuClock;
import io.storagehub.bench.env.Jcmd;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.env.Sql;
import io.storagehub.bench.profile.JfrSummary;
import io.storagehub.schema.value.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API under wrk (random ids per request) against pgbench running the same statements at the same
 * concurrency: by-key lookups, bucket listings, and page 1 against a deep page of one large bucket.
 */
public final class QueryBench {
    private static final Logger log = LoggerFactory.getLogger(QueryBench.class);
    /** Greater than every location (as the JDBI adapter's keyset range uses): U+10FFFF, more than 512 bytes. */
    static final String ABOVE_ALL = Character.toString(Character.MAX_CODE_POINT).repeat(Location.MAX_BYTES / 4 + 1);
    private static final int LIMIT = 100;
    private static final int DEEP_PAGES = 100;
    /** The history page compared with the first, and the changes of the large bucket's history (enough for it). */
    static final int HISTORY_PAGE = 1_000;
    static final int HISTORY_CHANGES = HISTORY_PAGE * LIMIT + LIMIT;

    private final Services services;
    private final BenchOptions options;
    private final Path workDir;
    /** Whether the API process has served a load yet (its JIT compiler has done the bulk of its work). */
    private boolean apiWarm;

    public QueryBench(Services services, BenchOptions options) {
        this.services = services;
        this.options = options;
        this.workDir = options.workDir();
    }

    public QueryResult run() throws Exception {
        String chain = options.chain();
        QueryDataset.addDeepBucket(services.pg(), services.schema(), chain, options.deepFiles());
        QueryDataset.addDeepHistory(services.pg(), services.schema(), chain, HISTORY_CHANGES);
        QueryDataset.Ids ids = QueryDataset.ids(services.pg(), services.schema(), chain, 100_000, 10_000);
        int deepPage = Math.min(10_000, options.deepFiles() / LIMIT - 1);
        log.info("query read model: {} files ({} listable), {} buckets; deep page {}", ids.files(),
                ids.listableFiles(), ids.buckets(), deepPage);
        PgBench pgbench = new PgBench(services.pg(), workDir, services.schema(), chain);
        pgbench.params("lookup", ids.fileKeys().stream()
                .map(k -> new PgBench.Params(k, null, null, null, null, null)).toList());
        pgbench.params("listing", ids.bucketIds().stream()
                .map(b -> new PgBench.Params(null, b, "", "", ABOVE_ALL, "")).toList());
        pgbench.params("page1", List.of(new PgBench.Params(null, QueryDataset.DEEP_BUCKET, "", "", ABOVE_ALL, "")));
        pgbench.params("deep", deepBounds(chain, deepPage));
        Path jfr = workDir.resolve("query-api.jfr");
        List<QueryResult.Scenario> scenarios = new ArrayList<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        long start = System.nanoTime();
        double seconds;
        QueryResult.History history;
        try (ApiProcess api = ApiProcess.start(services, workDir.resolve("query-api.log"), Map.of())) {
            String files = "/v1/chains/" + chain + "/files/";
            String buckets = "/v1/chains/" + chain + "/buckets/";
            List<String> deepPaths = DeepPages.paths(api, buckets + QueryDataset.DEEP_BUCKET + "/files?limit=", LIMIT,
                    deepPage, DEEP_PAGES);
            Wrk wrk = new Wrk(workDir, api.base());
            double apiCpu0 = CpuClock.seconds(api.pid());
            double pgCpu0 = CpuClock.postgresSeconds(services.pg().postmasterPid());
            scenarios.add(scenario("lookup", "`GET /files/{key}` (random of " + ids.fileKeys().size() + " keys)",
                    api, wrk, Wrk.writePaths(workDir.resolve("paths-lookup.txt"),
                            ids.fileKeys().stream().map(k -> files + k).toList()),
                    pgbench, "file", ids.fileKeys().size()));
            scenarios.add(scenario("listing", "`GET /buckets/{id}/files?limit=100` (random of "
                            + ids.bucketIds().size() + " buckets)", api, wrk,
                    Wrk.writePaths(workDir.resolve("paths-listing.txt"), ids.bucketIds().stream()
                            .map(b -> buckets + b + "/files?limit=" + LIMIT).toList()),
                    pgbench, "bucketFiles", ids.bucketIds().size()));
            scenarios.add(scenario("page1", "large bucket, page 1 (`?limit=100`)", api, wrk,
                    Wrk.writePaths(workDir.resolve("paths-page1.txt"),
                            List.of(buckets + QueryDataset.DEEP_BUCKET + "/files?limit=" + LIMIT)),
                    pgbench, "bucketFiles", 1));
            scenarios.add(scenario("deep", "large bucket, pages " + (deepPage - DEEP_PAGES + 1) + ".." + deepPage
                            + " (`?limit=100&cursor=`, random of " + DEEP_PAGES + " cursors)", api, wrk,
                    Wrk.writePaths(workDir.resolve("paths-deep.txt"), deepPaths), pgbench, "bucketFiles",
                    DEEP_PAGES));
            cpu.put("query API process", CpuClock.seconds(api.pid()) - apiCpu0);
            cpu.put("Postgres (all backends)", CpuClock.postgresSeconds(services.pg().postmasterPid()) - pgCpu0);
            seconds = (System.nanoTime() - start) / 1e9;
            history = history(api, wrk, buckets + QueryDataset.DEEP_BUCKET + "/history?limit=");
            // the profile: a separate lookup load with a JFR recording, so the measured loads ran without one
            Jcmd.run(api.pid(), "JFR.start", "name=bench", "settings=profile");
            wrk.run(workDir.resolve("paths-lookup.txt"), options.connections(), 1, options.querySeconds());
            Jcmd.run(api.pid(), "JFR.dump", "name=bench", "filename=" + jfr);
            Jcmd.run(api.pid(), "JFR.stop", "name=bench");
        }
        scenarios.add(widePool(scenarios.get(0)));
        return new QueryResult(ids, options.deepFiles(), deepPage, options.connections(), scenarios, history, cpu,
                seconds,
                JfrSummary.of(jfr, 12));
    }

    private QueryResult.Scenario scenario(String key, String description, ApiProcess process, Wrk wrk, Path paths,
                                          PgBench pgbench, String statement, int rows) throws Exception {
        // the API's first load also pays for its JIT compiling: a fresh JVM warms up as long as it is measured
        int warmup = apiWarm ? Math.max(3, options.querySeconds() / 3) : options.querySeconds();
        Measured measured = measure(process, wrk, paths, warmup);
        apiWarm = true;
        Load api = measured.load();
        PoolStats pool = measured.pool();
        LoadCost apiCost = measured.cost();
        pgbench.warmUp(key, statement, rows, options.connections(), warmup);
        LoadCost.Meter dbMeter = LoadCost.start(services.pg(), 0);
        Load db = pgbench.measure(key, options.connections(), options.querySeconds());
        LoadCost dbCost = dbMeter.per(db.requests());
        log.info("{}: API {} req/s p50 {} ms p99 {} ms (pool wait {} ms, held {} ms; {}); pgbench {} tps p50 {} ms "
                        + "p99 {} ms ({})", key, api.perSecond(), api.p50Millis(), api.p99Millis(),
                pool.meanWaitMillis(), pool.meanHeldMillis(), apiCost, db.perSecond(), db.p50Millis(),
                db.p99Millis(), dbCost);
        return new QueryResult.Scenario(key, description, api, db, pool, apiCost, dbCost);
    }

    /** A measured API load: its figures, its pool's hand-outs meanwhile and its cost per request. */
    private record Measured(Load load, PoolStats pool, LoadCost cost) {
    }

    /** Warms the API up on {@code paths} for {@code warmup} seconds, then measures a load of them. */
    private Measured measure(ApiProcess process, Wrk wrk, Path paths, int warmup)
            throws IOException, InterruptedException {
        wrk.warmUp(paths, options.connections(), warmup);
        PoolStats before = PoolStats.scrape(process);
        LoadCost.Meter meter = LoadCost.start(services.pg(), process.pid());
        Load load = wrk.measure(paths, options.connections(), options.querySeconds());
        LoadCost cost = meter.per(load.requests());
        return new Measured(load, PoolStats.scrape(process).minus(before), cost);
    }

    /** The large bucket's history: its first page, then pages ending at {@link #HISTORY_PAGE}, under wrk. */
    private QueryResult.History history(ApiProcess api, Wrk wrk, String base) throws Exception {
        int warmup = Math.max(3, options.querySeconds() / 3);
        List<String> deep = DeepPages.paths(api, base, LIMIT, HISTORY_PAGE, DEEP_PAGES);
        Load first = wrk.run(Wrk.writePaths(workDir.resolve("paths-history1.txt"), List.of(base + LIMIT)),
                options.connections(), warmup, options.querySeconds());
        Load deepLoad = wrk.run(Wrk.writePaths(workDir.resolve("paths-history-deep.txt"), deep),
                options.connections(), warmup, options.querySeconds());
        log.info("history: page 1 {} req/s p50 {} ms; pages up to {} {} req/s p50 {} ms", first.perSecond(),
                first.p50Millis(), HISTORY_PAGE, deepLoad.perSecond(), deepLoad.p50Millis());
        return new QueryResult.History(HISTORY_CHANGES, HISTORY_PAGE, DEEP_PAGES, first, deepLoad);
    }

    /**
     * The lookups again with the API's pool as large as the load's concurrency (the default is 10): shows how much
     * of the gap to pgbench, which holds one connection per client, is the wait for a pooled connection.
     */
    private QueryResult.Scenario widePool(QueryResult.Scenario lookup) throws Exception {
        int size = Math.min(100, options.connections());
        try (ApiProcess api = ApiProcess.start(services, workDir.resolve("query-api-pool.log"),
                Map.of("STORAGEHUB_API_DB_POOL_SIZE", Integer.toString(size)))) {
            Wrk wrk = new Wrk(workDir, api.base());
            // a fresh JVM: warm it up as long as the measurement lasts
            Measured m = measure(api, wrk, workDir.resolve("paths-lookup.txt"), options.querySeconds());
            Load load = m.load();
            log.info("lookup, pool of {}: API {} req/s p50 {} ms p99 {} ms", size, load.perSecond(), load.p50Millis(),
                    load.p99Millis());
            return new QueryResult.Scenario("lookupWidePool", "`GET /files/{key}` with the API's pool at " + size
                    + " connections (`STORAGEHUB_API_DB_POOL_SIZE`; not a goal row)", load, lookup.pgbench(), m.pool(),
                    m.cost(), lookup.pgbenchCost());
        }
    }

    /** Keyset lower bounds of the deep pages: the file just before each page. */
    private List<PgBench.Params> deepBounds(String chain, int deepPage) throws Exception {
        List<PgBench.Params> params = new ArrayList<>();
        long firstPage = deepPage - DEEP_PAGES + 1;
        try (Connection c = services.pg().connect()) {
            Sql.useSchema(c, services.schema());
            try (PreparedStatement ps = c.prepareStatement(Sql.of(PgBench.class, "deepBounds"))) {
                ps.setString(1, chain);
                ps.setString(2, QueryDataset.DEEP_BUCKET);
                ps.setLong(3, (firstPage - 1) * LIMIT - 1);
                ps.setLong(4, (long) DEEP_PAGES * LIMIT);
                try (ResultSet rs = ps.executeQuery()) {
                    for (int row = 0; rs.next(); row++) {
                        if (row % LIMIT == 0) {
                            params.add(new PgBench.Params(null, QueryDataset.DEEP_BUCKET, rs.getString(1),
                                    rs.getString(2), ABOVE_ALL, ""));
                        }
                    }
                }
            }
        }
        return params;
    }
}
