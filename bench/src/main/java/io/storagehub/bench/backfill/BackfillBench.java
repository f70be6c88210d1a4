package io.storagehub.bench.backfill;

import io.storagehub.bench.env.CpuClock;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.env.Sql;
import io.storagehub.bench.profile.JfrSummary;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.process.ChildJvm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real indexer ({@code IndexerCli run}, its own process, with a JFR recording) over the events already
 * in the topic, into the empty migrated schema, and times it from launch until its stored offset reaches the
 * topic's end. Then checks that the read model equals the in-memory reference.
 */
public final class BackfillBench {
    private static final Logger log = LoggerFactory.getLogger(BackfillBench.class);
    public static final String APPLICATION_NAME = "storagehub-indexer";

    private final Services services;
    private final Path workDir;
    private final List<String> indexerJvm;
    private final Map<String, String> indexerSettings;

    public BackfillBench(Services services, Path workDir, List<String> indexerJvm,
                         Map<String, String> indexerSettings) {
        this.services = services;
        this.workDir = workDir;
        this.indexerJvm = indexerJvm;
        this.indexerSettings = indexerSettings;
    }

    /** Measures the indexer; {@code copy} and {@code perEvent} are the baselines of the same run. */
    public BackfillResult run(long events, Reference reference, String chain, CopyLoad.Result copy,
                              PerEventBaseline.Result perEvent) throws SQLException, InterruptedException {
        PgCluster pg = services.pg();
        Migrations.migrate(Sql.dataSource(pg), services.schema());
        PgStatements.reset(pg);
        Path jfr = workDir.resolve("backfill-indexer.jfr");
        List<String> jvm = new java.util.ArrayList<>(indexerJvm);
        jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        Map<String, String> env = services.indexerEnv("bench-backfill");
        env.putAll(indexerSettings);
        double pgCpu0 = CpuClock.postgresSeconds(pg.postmasterPid());
        double selfCpu0 = CpuClock.seconds(ProcessHandle.current().pid());
        long start = System.nanoTime();
        long firstCheckpoint = 0;
        double indexerCpu;
        Map<String, Double> states;
        try (ChildJvm indexer = ChildJvm.builder("indexer (backfill)", "io.storagehub.indexer.cli.IndexerCli")
                .jvmArgs(jvm).args("run").env(env).logFile(workDir.resolve("backfill-indexer.log")).start();
             ActivitySampler sampler = new ActivitySampler(pg, APPLICATION_NAME);
             Connection c = pg.connect()) {
            Sql.useSchema(c, services.schema());
            long lastLog = start;
            while (true) {
                long offset = storedOffset(c, services.topic());
                long now = System.nanoTime();
                if (offset > 0 && firstCheckpoint == 0) {
                    firstCheckpoint = now;
                }
                if (offset >= events) {
                    break;
                }
                if (now - lastLog > 10_000_000_000L) {
                    log.info("backfill: {} / {} events stored ({} s)", offset, events, (now - start) / 1_000_000_000);
                    lastLog = now;
                }
                indexer.checkAlive();
                Thread.sleep(20);
            }
            indexerCpu = CpuClock.seconds(indexer.pid());
            states = sampler.shares();
        }
        long end = System.nanoTime();
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("indexer process", indexerCpu);
        cpu.put("Postgres (all backends)", CpuClock.postgresSeconds(pg.postmasterPid()) - pgCpu0);
        cpu.put("harness process (Kafka broker)", CpuClock.seconds(ProcessHandle.current().pid()) - selfCpu0);
        List<PgStatements.Statement> statements = PgStatements.top(pg, 8);
        String verification = verify(reference, chain);
        double seconds = (end - start) / 1e9;
        double steady = (end - firstCheckpoint) / 1e9;
        log.info("backfill: {} events in {} s ({} events/s)", events, seconds, events / seconds);
        return new BackfillResult(events, seconds, steady, copy, perEvent, cpu, states, statements,
                JfrSummary.of(jfr, 12), verification);
    }

    private static long storedOffset(Connection c, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.of(BackfillBench.class, "storedOffset"))) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String verify(Reference reference, String chain) throws SQLException {
        PgCluster pg = services.pg();
        ReadModelSnapshot actual = Snapshots.read(pg, services.schema(), chain);
        Snapshots.requireEqual("the backfilled read model", reference.snapshot(chain), actual);
        long deadLetters;
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, services.schema());
            try (PreparedStatement ps = c.prepareStatement(Sql.of(BackfillBench.class, "deadLetters"));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                deadLetters = rs.getLong(1);
            }
        }
        if (deadLetters != reference.deadLetters().size()) {
            throw new IllegalStateException("dead letters: " + deadLetters + " stored, "
                    + reference.deadLetters().size() + " expected");
        }
        return "read model equal to the in-memory reference (" + actual.files().size() + " files, "
                + actual.buckets().size() + " buckets), " + deadLetters + " dead letters as expected";
    }
}
