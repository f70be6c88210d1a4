package io.storagehub.reliability.bulk;

import io.storagehub.indexer.config.BulkConfig;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.stream.Feed;
import io.storagehub.reliability.stream.GeneratedChains;
import io.storagehub.reliability.support.Env;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.reliability.support.Topics;
import io.storagehub.reliability.verify.SnapshotDiff;
import io.storagehub.reliability.verify.Verdicts;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: {@code indexer rebuild --drop-old} in bulk mode beside a live indexer, killed with SIGKILL inside its
 * replay and inside its COPY while more records arrive: the live indexer keeps committing and its read model stays
 * equal to the reference. A third rebuild runs to the end and switches; the live indexer goes on in the switched-in
 * schema. The read model equals the reference, nothing is doubled, and each killed rebuild left exactly its shadow
 * schema behind (for an operator to drop).
 */
class BulkRebuildCrashIT {
    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String STARTED = "rebuild started";
    private static final String IN_REPLAY = "rebuild progress";
    private static final String IN_COPY = "table loaded";
    private static final String SWITCHED = "rebuild finished and switched in";

    @Test
    void killedInItsReplayAndInItsCopy_aBulkRebuildLeavesTheLiveSchemaServing(@TempDir Path bulkDir) {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("bulk-rebuild-crash.events", 30_000, 300_000, 2_000, 10_000_000);
        long seed = sizes.seed(20261205L);
        try (Scenario scenario = Scenario.start("bulk-rebuild-crash", "Bulk rebuild: SIGKILL during its replay and "
                + "during its COPY beside a live indexer", getClass(), sizes);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Topics topics = new Topics(TestKafka.bootstrapServers());
             Feed feed = new Feed(TestKafka.bootstrapServers(), TestKafka.uniqueTopic("bulk-rebuild-crash"))) {
            // given: a live indexer (batch by batch) that indexed the topic
            TestKafka.createTopic(feed.topic(), PARTITIONS);
            GeneratedChains chains = new GeneratedChains(feed, PARTITIONS, seed, 250);
            chains.publish(events);
            ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), feed.topic(),
                    "bulk-rebuild-crash-" + feed.topic(), schema.jdbcUrl(), schema.user(), schema.password(),
                    schema.name(), 500);
            Map<String, String> env = Map.of(BulkConfig.FIRST_SYNC, "off", BulkConfig.DIR, bulkDir.toString(),
                    BulkConfig.REBUILD_MODE, "bulk", RebuildConfig.PROGRESS_INTERVAL, "100");
            Path logs = Env.logs("bulk-rebuild-crash");
            List<String> rebuildLines = new ArrayList<>();
            int exit;
            boolean replayKilled;
            boolean copyKilled;
            int rebuildExit;
            List<String> liveLines;
            try (ChildIndexer live = ChildIndexer.start("indexer", config, env, logs)) {
                caughtUp(db, feed, live);

                // when: a rebuild killed inside its replay, then one killed inside its COPY, records arriving
                replayKilled = killAt(ChildIndexer.command("rebuild-1", config, env, logs, "rebuild", "--drop-old"),
                        IN_REPLAY, rebuildLines, () -> chains.publish(events / 10));
                liveEqualsReference(scenario, "after the rebuild killed in its replay", db, feed, live);
                copyKilled = killAt(ChildIndexer.command("rebuild-2", config, env, logs, "rebuild", "--drop-old"),
                        IN_COPY, rebuildLines, () -> chains.publish(events / 10));
                liveEqualsReference(scenario, "after the rebuild killed in its COPY", db, feed, live);
                // and a rebuild that runs to the end and switches, after which the live indexer goes on
                try (ChildIndexer last = ChildIndexer.command("rebuild-3", config, env, logs, "rebuild",
                        "--drop-old")) {
                    rebuildExit = last.awaitExit(TIMEOUT);
                    rebuildLines.addAll(last.log().lines());
                }
                chains.publish(events / 10);
                caughtUp(db, feed, live);
                exit = live.terminate();
                liveLines = live.log().lines();
            }

            // then
            List<String> shadows = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE :prefix")
                    .bind("prefix", schema.name() + "\\_%").mapTo(String.class).list());
            long rebuildsStarted = rebuildLines.stream().filter(l -> l.contains(STARTED)).count();
            scenario.figure(Scenario.FAULTS, 2).figure("records", feed.ledger().total())
                    .figure("partitions", PARTITIONS).figure("shadowSchemasLeft", shadows)
                    .check("the first rebuild was killed inside its replay", replayKilled, IN_REPLAY)
                    .check("the second rebuild was killed inside its COPY", copyKilled, IN_COPY)
                    .check("three rebuilds started", rebuildsStarted == 3, rebuildsStarted)
                    .check("the third rebuild switched in and exited 0", rebuildExit == 0
                            && rebuildLines.stream().anyMatch(l -> l.contains(SWITCHED)), rebuildExit)
                    .check("each killed rebuild left its shadow schema behind, and nothing else is left",
                            shadows.size() == 2 && shadows.stream().allMatch(s -> s.contains("_rebuild_")), shadows)
                    .check("the live indexer stops cleanly on SIGTERM", exit == 143, exit);
            Verdicts.afterBulkBuild(scenario, feed, db, topics, liveLines);
            scenario.verify();
        }
    }

    /**
     * Runs {@code meanwhile} (more records for the live indexer) while the rebuild {@code child} starts, waits until
     * it logged {@code inside}, SIGKILLs it and keeps its output. Returns whether the kill landed before the switch.
     */
    private static boolean killAt(ChildIndexer child, String inside, List<String> lines, Runnable meanwhile) {
        try (child) {
            meanwhile.run();
            Wait.until(TIMEOUT, child.name() + " logging '" + inside + "'", () -> child.log().find(0,
                    l -> FirstSyncCrashIT.under(l, inside)).isPresent() || !child.alive());
            child.kill();
            lines.addAll(child.log().lines());
            return child.log().find(0, l -> FirstSyncCrashIT.under(l, inside)).isPresent()
                    && !child.log().contains(0, SWITCHED);
        }
    }

    private static void caughtUp(ReadModelDb db, Feed feed, ChildIndexer live) {
        Wait.until(TIMEOUT, "the live indexer caught up", () -> db.caughtUp(feed.topic(), feed.ledger().ends())
                || !live.alive());
    }

    private static void liveEqualsReference(Scenario scenario, String when, ReadModelDb db, Feed feed,
                                            ChildIndexer live) {
        caughtUp(db, feed, live);
        for (String chain : feed.chains()) {
            SnapshotDiff diff = SnapshotDiff.of(feed.reference(chain), db.snapshot(chain));
            scenario.check("the live read model of " + chain + " equals the reference " + when, diff.identical(),
                    diff);
        }
    }
}
