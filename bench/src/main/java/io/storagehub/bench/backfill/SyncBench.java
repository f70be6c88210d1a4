package io.storagehub.bench.backfill;

import io.storagehub.bench.env.Checkpoints;
import io.storagehub.bench.env.CpuClock;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.env.Sql;
import io.storagehub.bench.profile.JfrSummary;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real indexer ({@code IndexerCli run}, its own process, with a JFR recording) over the events waiting in
 * the topic and times it from launch until its stored offset reaches the topic's end: the first sync into an empty
 * migrated schema, then the live catch-up on the read model it left. Each is checked against the in-memory
 * reference afterwards. The indexer picks its own path (a bulk first sync where it has one); its bulk state
 * directory is under the work directory.
 */
public final class SyncBench {
    private static final Logger log = LoggerFactory.getLogger(SyncBench.class);
    public static final String APPLICATION_NAME = "storagehub-indexer";
    static final String BULK_DIR_KEY = "STORAGEHUB_INDEXER_BULK_DIR";

    private final Services services;
    private final Path workDir;
    private final List<String> indexerJvm;
    private final Map<String, String> indexerSettings;
    private final Path bulkDir;

    public SyncBench(Services services, Path workDir, List<String> indexerJvm, Map<String, String> indexerSettings) {
        this.services = services;
        this.workDir = workDir;
        this.indexerJvm = indexerJvm;
        this.bulkDir = workDir.resolve("bulk-state");
        this.indexerSettings = new HashMap<>(indexerSettings);
        this.indexerSettings.put(BULK_DIR_KEY, bulkDir.toString());
    }

    /** The first sync of the topic's {@code events} into an empty schema; {@code copy}, {@code perEvent}: baselines. */
    public FirstSyncResult firstSync(long events, Reference reference, String chain, CopyLoad.Result copy,
                                     PerEventBaseline.Result perEvent) throws SQLException, InterruptedException,
            IOException {
        Migrations.migrate(Sql.dataSource(services.pg()), services.schema());
        WorkFiles.recreate(bulkDir);
        IndexerRunResult run = run("first-sync", events);
        return new FirstSyncResult(run, copy, perEvent, verify("the first-synced read model", reference, chain));
    }

    /** The catch-up of the read model the first sync left, up to the topic's {@code end} offset. */
    public CatchUpResult catchUp(long end, Reference reference, String chain) throws SQLException,
            InterruptedException {
        IndexerRunResult run = run("catch-up", end);
        return new CatchUpResult(end - run.events(), run, verify("the caught-up read model", reference, chain));
    }

    /**
     * A catch-up run named {@code label} (its log and recording files) with {@code settings} added, up to the
     * topic's {@code end}, without a reference to check the read model against: its check is how many changes
     * the run stored.
     */
    public CatchUpResult catchUpUnchecked(String label, Map<String, String> settings, long end)
            throws SQLException, InterruptedException {
        long before = changeRows();
        IndexerRunResult run = run(label, end, settings);
        return new CatchUpResult(end - run.events(), run, (changeRows() - before) + " changes stored");
    }

    private long changeRows() throws SQLException {
        try (Connection c = services.pg().connect(); var st = c.createStatement()) {
            Sql.useSchema(c, services.schema());
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM change")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private IndexerRunResult run(String label, long end) throws SQLException, InterruptedException {
        return run(label, end, Map.of());
    }

    private IndexerRunResult run(String label, long end, Map<String, String> settings) throws SQLException,
            InterruptedException {
        PgCluster pg = services.pg();
        PgStatements.reset(pg);
        Path jfr = workDir.resolve(label + "-indexer.jfr");
        List<String> jvm = new ArrayList<>(indexerJvm);
        jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        Map<String, String> env = services.indexerEnv("bench-sync");
        env.putAll(indexerSettings);
        env.putAll(settings);
        long from;
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, services.schema());
            from = Checkpoints.storedOffset(c, services.topic());
        }
        CpuSnapshot atStart = CpuSnapshot.take(pg, 0);
        CpuSnapshot atFirstCheckpoint = null;
        CpuSnapshot atEnd;
        long start = System.nanoTime();
        long firstOffset = from;
        Map<String, Double> states;
        try (ChildJvm indexer = ChildJvm.builder("indexer (" + label + ")", "io.storagehub.indexer.cli.IndexerCli")
                .jvmArgs(jvm).args("run").env(env).logFile(workDir.resolve(label + "-indexer.log")).start();
             ActivitySampler sampler = new ActivitySampler(pg, APPLICATION_NAME);
             Connection c = pg.connect()) {
            Sql.useSchema(c, services.schema());
            long lastLog = start;
            while (true) {
                long offset = Checkpoints.storedOffset(c, services.topic());
                long now = System.nanoTime();
                if (offset > from && atFirstCheckpoint == null) {
                    atFirstCheckpoint = CpuSnapshot.take(pg, indexer.pid());
                    firstOffset = offset;
                }
                if (offset >= end) {
                    break;
                }
                if (now - lastLog > 10_000_000_000L) {
                    log.info("{}: {} / {} events stored ({} s)", label, offset - from, end - from,
                            (now - start) / 1_000_000_000);
                    lastLog = now;
                }
                indexer.checkAlive();
                Thread.sleep(20);
            }
            atEnd = CpuSnapshot.take(pg, indexer.pid());
            states = sampler.shares();
        }
        List<PgStatements.Statement> statements = PgStatements.top(pg, 8);
        CpuSnapshot steady = atFirstCheckpoint == null ? atEnd : atFirstCheckpoint;
        double seconds = (atEnd.nanos() - start) / 1e9;
        log.info("{}: {} events in {} s ({} events/s)", label, end - from, seconds, (end - from) / seconds);
        return new IndexerRunResult(end - from, seconds, atEnd.minus(atStart), end - firstOffset,
                (atEnd.nanos() - steady.nanos()) / 1e9, atEnd.minus(steady), states, statements, JfrSummary.of(jfr, 12));
    }

    /** CPU seconds so far of the indexer, Postgres and this process, and when they were read. */
    private record CpuSnapshot(long nanos, double indexer, double postgres, double harness) {
        static CpuSnapshot take(PgCluster pg, long indexerPid) {
            return new CpuSnapshot(System.nanoTime(), indexerPid == 0 ? 0 : CpuClock.seconds(indexerPid),
                    CpuClock.postgresSeconds(pg.postmasterPid()), CpuClock.seconds(ProcessHandle.current().pid()));
        }

        Map<String, Double> minus(CpuSnapshot earlier) {
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpu.put(IndexerRunResult.INDEXER, indexer - earlier.indexer);
            cpu.put(IndexerRunResult.POSTGRES, postgres - earlier.postgres);
            cpu.put(IndexerRunResult.HARNESS, harness - earlier.harness);
            return cpu;
        }
    }

    private String verify(String what, Reference reference, String chain) throws SQLException {
        PgCluster pg = services.pg();
        var actual = Snapshots.read(pg, services.schema(), chain);
        Snapshots.requireEqual(what, reference.snapshot(chain), actual);
        long deadLetters;
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, services.schema());
            try (PreparedStatement ps = c.prepareStatement(Sql.of(SyncBench.class, "deadLetters"));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                deadLetters = rs.getLong(1);
            }
        }
        if (deadLetters != reference.deadLetters().size()) {
            throw new IllegalStateException("dead letters: " + deadLetters + " stored, "
                    + reference.deadLetters().size() + " expected");
        }
        return "read model equal to the in-memory reference of " + reference.events() + " events ("
                + actual.files().size() + " files, " + actual.buckets().size() + " buckets), " + deadLetters
                + " dead letters as expected";
    }
}
