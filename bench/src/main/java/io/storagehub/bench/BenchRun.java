package io.storagehub.bench;

import io.storagehub.bench.backfill.CatchUpResult;
import io.storagehub.bench.backfill.ChangesCostResult;
import io.storagehub.bench.backfill.CopyLoad;
import io.storagehub.bench.backfill.CopyRows;
import io.storagehub.bench.backfill.FirstSyncResult;
import io.storagehub.bench.backfill.PerEventBaseline;
import io.storagehub.bench.backfill.Reference;
import io.storagehub.bench.backfill.SyncBench;
import io.storagehub.bench.env.IndexerJvm;
import io.storagehub.bench.env.Machine;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.env.Sql;
import io.storagehub.bench.load.Topics;
import io.storagehub.bench.freshness.FreshnessBench;
import io.storagehub.bench.freshness.FreshnessResult;
import io.storagehub.bench.query.QueryBench;
import io.storagehub.bench.query.QueryResult;
import io.storagehub.bench.rebuild.RebuildBench;
import io.storagehub.bench.rebuild.Verified;
import io.storagehub.bench.rebuild.RebuildResult;
import io.storagehub.bench.report.Analysis;
import io.storagehub.bench.report.FreshnessSection;
import io.storagehub.bench.report.QuerySection;
import io.storagehub.bench.report.RebuildSection;
import io.storagehub.bench.report.Report;
import io.storagehub.bench.report.StreamSection;
import io.storagehub.bench.report.SyncSection;
import io.storagehub.bench.stream.StreamBench;
import io.storagehub.bench.stream.StreamResult;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.kafka.EventFeed;
import io.storagehub.testkit.kafka.KafkaBroker;
import io.storagehub.testkit.process.ChildJvm;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run: the servers, the chain in Kafka, then each phase in order; the report at the end. */
final class BenchRun {
    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
    static final String TOPIC = "storagehub.events";
    static final String SCHEMA = "storagehub";

    private final BenchOptions options;
    private final Report report;
    private int phasesRun;

    BenchRun(BenchOptions options) {
        this.options = options;
        this.report = new Report(options, Machine.describe(), ZonedDateTime.now(), Machine.loadAverage());
    }

    void run() throws Exception {
        Files.createDirectories(options.workDir());
        try (PgCluster pg = PgCluster.start(PgCluster.durableSettings());
             KafkaBroker kafka = KafkaBroker.start(Optional.empty(), 0)) {
            Thread stop = new Thread(() -> stopEverything(pg, kafka), "bench-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            report.postgres(pg);
            Topics.create(kafka.bootstrapServers(), TOPIC, TOPIC + ".dlq");
            Services services = new Services(kafka.bootstrapServers(), TOPIC, pg, SCHEMA);
            ChainGenerator generator = new ChainGenerator(ChainGenerator.Config.defaults(options.chain(),
                    options.seed()));
            try (EventFeed feed = new EventFeed(kafka.bootstrapServers(), TOPIC, "storagehub-bench-feed",
                    EventFeed.Pace.BULK)) {
                phase("sync", () -> sync(services, feed, generator));
                phase("rebuild", () -> rebuild(services, feed, generator));
            }
            phase("query", () -> query(services));
            phase("freshness", () -> freshness(services, generator));
            phase("stream", () -> stream(services, generator));
            phase("changes", () -> changesCost(services, generator));
        } finally {
            report.finish(Machine.loadAverage());
            report.write(options.out());
            log.info("report written to {}", options.out().toAbsolutePath());
        }
    }

    /** The shutdown hook's work when the harness is stopped: the child JVMs, then Postgres and the broker. */
    private static void stopEverything(PgCluster pg, KafkaBroker kafka) {
        ChildJvm.stopAll();
        pg.close();
        kafka.close();
    }

    /**
     * The first sync of {@code --events} events into an empty read model (with its COPY ceiling and per-event
     * baseline), then as many events more continuing the same chain and the live catch-up of that read model.
     * The events are produced whether the phase runs or not, so the later phases see the same topic.
     */
    private void sync(Services services, EventFeed feed, ChainGenerator generator) throws Exception {
        Reference reference = new Reference();
        List<Envelope> prefix = new ArrayList<>(options.perEventPrefix());
        long t0 = System.nanoTime();
        feed.produce(generator, options.events(), (chunk, first) -> {
            reference.accept(chunk, first);
            for (Envelope e : chunk) {
                if (prefix.size() < options.perEventPrefix()) {
                    prefix.add(e);
                }
            }
        });
        log.info("{} events in Kafka and in the reference ({} s)", options.events(), (System.nanoTime() - t0) / 1e9);
        report.mix(generator.mix().table(), generator.poisonCount());
        if (!options.runs("sync")) {
            feed.produce(generator, options.events(), (chunk, first) -> { });
            return;
        }
        var snapshot = reference.snapshot(options.chain());
        Map<String, io.storagehub.projection.table.CopyText> rows = CopyRows.of(reference, snapshot, TOPIC);
        checkpoint(services.pg());
        CopyLoad.Result copy = CopyLoad.load(services.pg(), "bench_copy", rows);
        log.info("COPY ceiling: {} rows in {} ({} rows/s)", copy.rows(), copy.took(), copy.rowsPerSecond());
        checkpoint(services.pg());
        PerEventBaseline.Result perEvent = PerEventBaseline.run(services.pg(), "bench_per_event", TOPIC, prefix);
        log.info("per-event baseline: {} events in {} ({} events/s)", perEvent.events(), perEvent.took(),
                perEvent.eventsPerSecond());
        try (Connection c = services.pg().connect()) {
            Sql.dropSchema(c, "bench_copy");
        }
        checkpoint(services.pg());
        SyncBench bench = new SyncBench(services, options.workDir(), IndexerJvm.RUN,
                Map.of("STORAGEHUB_INDEXER_MAX_BATCH", Integer.toString(options.indexerMaxBatch())));
        FirstSyncResult first = bench.firstSync(options.events(), reference, options.chain(), copy, perEvent);
        report.section(SyncSection.firstSync(first, Analysis.firstSync(first)), SyncSection.goals(first));
        feed.produce(generator, options.events(), reference);
        checkpoint(services.pg());
        CatchUpResult catchUp = bench.catchUp(feed.published(), reference, options.chain());
        report.section(SyncSection.catchUp(catchUp, Analysis.catchUp(catchUp)), SyncSection.goals(catchUp));
    }

    private interface Phase {
        void run() throws Exception;
    }

    /**
     * Runs a phase; a failure is reported and the next phases still run. Every phase but the first starts once the
     * machine has settled ({@link Machine#settle}).
     */
    private void phase(String name, Phase phase) {
        log.info("=== {} ===", name);
        boolean waits = options.runs(name) && phasesRun++ > 0;
        Machine.Settled settled = waits ? Machine.settle(name) : Machine.Settled.NOT_WAITED;
        String loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        try {
            phase.run();
        } catch (Exception | Error e) {
            log.error("{} failed", name, e);
            report.failed(name, e);
        } finally {
            report.phase(name, (System.nanoTime() - start) / 1e9, loadBefore, Machine.loadAverage(),
                    settled.describe());
        }
    }

    private void rebuild(Services services, EventFeed feed, ChainGenerator generator) throws Exception {
        if (!options.runs("rebuild")) {
            if (options.rebuildEvents() > 0) {
                feed.produce(generator, options.rebuildEvents() - feed.published(), (chunk, first) -> { });
            }
            return;
        }
        RebuildBench bench = new RebuildBench(services, options.workDir());
        List<RebuildResult> runs = new ArrayList<>();
        checkpoint(services.pg());
        runs.add(bench.run(feed.published()));
        if (options.rebuildEvents() > 0) {
            long t0 = System.nanoTime();
            feed.produce(generator, options.rebuildEvents() - feed.published(), (chunk, first) -> { });
            log.info("topic now holds {} events ({} s to produce)", feed.published(), (System.nanoTime() - t0) / 1e9);
            checkpoint(services.pg());
            runs.add(bench.run(feed.published()));
        }
        checkpoint(services.pg());
        Verified verified = bench.verified(feed.published());
        report.section(RebuildSection.render(runs, verified, Analysis.rebuild(runs)),
                RebuildSection.goals(runs, verified));
    }

    private void query(Services services) throws Exception {
        if (!options.runs("query")) {
            return;
        }
        checkpoint(services.pg());
        QueryResult result = new QueryBench(services, options).run();
        report.section(QuerySection.render(result, Analysis.query(result)), QuerySection.goals(result));
    }

    private void freshness(Services services, ChainGenerator generator) throws Exception {
        if (!options.runs("freshness")) {
            return;
        }
        settle(services);
        FreshnessResult result = new FreshnessBench(services, options.workDir(), options.chain())
                .run(generator, options.freshnessRate(), options.freshnessSeconds());
        report.section(FreshnessSection.render(result, Analysis.freshness(result)), FreshnessSection.goals(result));
    }

    private void stream(Services services, ChainGenerator generator) throws Exception {
        if (!options.runs("stream")) {
            return;
        }
        settle(services);
        StreamResult result = new StreamBench(services, options.workDir(), options.chain()).run(generator,
                options.streamRate(), options.streamSeconds(), options.streamFiltered(), options.streamUnfiltered());
        report.section(StreamSection.render(result), StreamSection.goals(result));
    }

    /**
     * What storing changes costs the live path: {@code --events} more events behind the live read model, caught
     * up with changes stored, then as many with changes off, then as many stored again (the last phase, so the
     * growing topic and read model change nothing the others measure).
     */
    private void changesCost(Services services, ChainGenerator generator) throws Exception {
        if (!options.runs("changes")) {
            return;
        }
        settle(services);
        SyncBench bench = new SyncBench(services, options.workDir(), IndexerJvm.RUN,
                Map.of("STORAGEHUB_INDEXER_MAX_BATCH", Integer.toString(options.indexerMaxBatch())));
        List<CatchUpResult> runs = new ArrayList<>();
        try (EventFeed feed = new EventFeed(services.kafkaBootstrap(), TOPIC, "storagehub-bench-changes",
                EventFeed.Pace.BULK)) {
            for (String changes : List.of("on", "off", "on")) {
                feed.produce(generator, options.events(), (chunk, first) -> { });
                long end = Topics.endOffset(services.kafkaBootstrap(), TOPIC);
                checkpoint(services.pg());
                runs.add(bench.catchUpUnchecked("catch-up-changes-" + changes + "-" + runs.size(),
                        Map.of(ChangesCostResult.OFF_KEY, changes), end));
            }
        }
        ChangesCostResult cost = new ChangesCostResult(runs.get(0), runs.get(1), runs.get(2));
        report.section(SyncSection.changesCost(cost), SyncSection.goals(cost));
    }

    /** After the bulk loads: vacuum and analyze the read model, then checkpoint, as a settled database would be. */
    private static void settle(Services services) throws java.sql.SQLException {
        try (Connection c = services.pg().connect(); var st = c.createStatement()) {
            Sql.useSchema(c, services.schema());
            st.execute(Sql.of(BenchRun.class, "vacuum"));
        }
        checkpoint(services.pg());
    }

    private static void checkpoint(PgCluster pg) throws java.sql.SQLException {
        try (Connection c = pg.connect(); var st = c.createStatement()) {
            st.execute(Sql.of(BenchRun.class, "checkpoint"));
        }
    }
}
