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
 * Issue 11: {@code indexer run} on an empty read model over a topic large enough for a bulk first sync, killed
 * with SIGKILL inside the first sync's replay, started again and killed inside its COPY, started a third time: each
 * restart drops the interrupted shadow schema and begins again, the last one switches the read model in and goes on
 * live through more published events. The read model equals the reference, each poison record is in the DLQ once,
 * the tables account for every record, no live batch commits an offset twice and no shadow schema is left.
 */
class FirstSyncCrashIT {
    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String STARTED = "first sync: empty read model, building it in bulk mode";
    private static final String RESTARTED = "first sync: an interrupted first sync left its shadow schema behind";
    private static final String FINISHED = "first sync finished";
    private static final String IN_REPLAY = "rebuild progress";
    private static final String IN_COPY = "table loaded";

    @Test
    void killedInItsReplayAndInItsCopy_aFirstSyncLosesAndDoublesNothing(@TempDir Path bulkDir) {
        Sizes sizes = Sizes.fromSystemProperties();
        int events = sizes.integer("first-sync-crash.events", 30_000, 300_000, 2_000, 10_000_000);
        long seed = sizes.seed(20261204L);
        try (Scenario scenario = Scenario.start("first-sync-crash", "First sync: SIGKILL during its replay and "
                + "during its COPY", getClass(), sizes);
             IsolatedSchema schema = TestDatabase.isolatedSchema();
             ReadModelDb db = new ReadModelDb(schema.jdbcUrl(), schema.user(), schema.password(), schema.name());
             Topics topics = new Topics(TestKafka.bootstrapServers());
             Feed feed = new Feed(TestKafka.bootstrapServers(), TestKafka.uniqueTopic("first-sync-crash"))) {
            // given: a topic well over the first-sync threshold (with poison), and an empty read model
            TestKafka.createTopic(feed.topic(), PARTITIONS);
            GeneratedChains chains = new GeneratedChains(feed, PARTITIONS, seed, 250);
            chains.publish(events);
            ChildConfig config = new ChildConfig(TestKafka.bootstrapServers(), feed.topic(),
                    "first-sync-crash-" + feed.topic(), schema.jdbcUrl(), schema.user(), schema.password(),
                    schema.name(), 500);
            Map<String, String> bulk = Map.of(BulkConfig.FIRST_SYNC_MIN_RECORDS, "1000",
                    BulkConfig.DIR, bulkDir.toString(), RebuildConfig.PROGRESS_INTERVAL, "100");
            Path logs = Env.logs("first-sync-crash");
            List<String> lines = new ArrayList<>();
            long start = System.nanoTime();

            // when: killed inside the replay, then inside the COPY, then left to finish
            boolean replayKilled = killAt(ChildIndexer.start("indexer-1", config, bulk, logs), STARTED, IN_REPLAY,
                    lines);
            int restartLines = count(lines, RESTARTED);
            boolean copyKilled = killAt(ChildIndexer.start("indexer-2", config, bulk, logs), RESTARTED, IN_COPY,
                    lines);
            int exit;
            boolean lastRestarted;
            List<String> liveLines;
            try (ChildIndexer last = ChildIndexer.start("indexer-3", config, bulk, logs)) {
                Wait.until(TIMEOUT, "the first sync finished", () -> last.log().contains(0, FINISHED)
                        || !last.alive());
                lastRestarted = last.log().contains(0, RESTARTED);
                double firstSyncSeconds = (System.nanoTime() - start) / 1e9;
                chains.publish(events / 5);
                Wait.until(TIMEOUT, "the records published after the first sync indexed live",
                        () -> db.caughtUp(feed.topic(), feed.ledger().ends()) || !last.alive());
                scenario.figure("firstSyncSeconds", firstSyncSeconds);
                exit = last.terminate();
                List<String> own = last.log().lines();
                lines.addAll(own);
                // the live batches only: a bulk replay logs its batches too, and the killed ones were replayed again
                liveLines = own.subList(own.indexOf(own.stream().filter(l -> l.contains(FINISHED)).findFirst()
                        .orElse(own.get(own.size() - 1))), own.size());
            }

            // then
            List<String> leftSchemas = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE :prefix")
                    .bind("prefix", schema.name() + "\\_%").mapTo(String.class).list());
            scenario.figure(Scenario.FAULTS, 2).figure("records", feed.ledger().total())
                    .figure("partitions", PARTITIONS)
                    .check("the first process was killed inside the replay", replayKilled, IN_REPLAY)
                    .check("the second start found the interrupted first sync and began again", restartLines == 0
                            && count(lines, RESTARTED) >= 1, RESTARTED)
                    .check("the second process was killed inside the COPY", copyKilled, IN_COPY)
                    .check("the third start found the interrupted first sync and began again", lastRestarted,
                            RESTARTED)
                    .check("the third start finished the first sync", count(lines, FINISHED) == 1, FINISHED)
                    .check("the last process stops cleanly on SIGTERM", exit == 143, exit)
                    .check("no shadow schema is left behind", leftSchemas.isEmpty(), leftSchemas);
            Verdicts.afterBulkBuild(scenario, feed, db, topics, liveLines);
            scenario.verify();
        }
    }

    /**
     * Waits until {@code child} logged {@code begun} and then {@code inside}, SIGKILLs it and keeps its output in
     * {@code lines}. Returns whether the kill landed before the first sync finished.
     */
    private static boolean killAt(ChildIndexer child, String begun, String inside, List<String> lines) {
        try (child) {
            Wait.until(TIMEOUT, child.name() + " logging '" + begun + "'", () -> child.log().contains(0, begun)
                    || !child.alive());
            int mark = child.log().mark();
            Wait.until(TIMEOUT, child.name() + " logging '" + inside + "'", () -> child.log().find(mark,
                    l -> under(l, inside)).isPresent() || child.log().contains(0, FINISHED) || !child.alive());
            child.kill();
            lines.addAll(child.log().lines());
            return child.log().find(mark, l -> under(l, inside)).isPresent() && !child.log().contains(0, FINISHED);
        }
    }

    /** A line showing the build under way at {@code inside}: a progress line only once records were applied. */
    static boolean under(String line, String inside) {
        return line.contains(inside) && !line.contains(" records=0 ");
    }

    private static int count(List<String> lines, String text) {
        return (int) lines.stream().filter(line -> line.contains(text)).count();
    }
}
