package io.storagehub.indexer.rebuild;

import io.storagehub.indexer.consumer.BatchProcessor;
import io.storagehub.indexer.retry.FatalFailure;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rebuild --verify}: brings the rebuilt schema to the live schema's position and compares them before the
 * switch. First the live indexer must reach the offsets the replay stopped at (it is waited for); then, with the
 * live checkpoints locked by the switch (the live indexer cannot commit), the rebuild replays the records the live
 * indexer applied since, both schemas are compared ({@link SchemaDiff}), and a difference refuses the switch
 * unless forced.
 */
final class Verification {
    static final Duration LIVE_WAIT = Duration.ofMinutes(2);
    /** Logged with how long the live checkpoints were held (the live indexer could not commit). */
    static final String HELD = "verify: live checkpoints held for the tail replay and the comparison";
    private static final Logger log = LoggerFactory.getLogger(Verification.class);
    private static final String CHECKPOINTS = "SELECT partition, next_offset FROM %s.source_checkpoint"
            + " WHERE projection = 'live' AND topic = :topic";

    private final Replay replay;
    private final BatchProcessor processor;
    private final String topic;
    private final boolean force;
    private VerifyReport report;

    Verification(Replay replay, BatchProcessor processor, String topic, boolean force) {
        this.replay = replay;
        this.processor = processor;
        this.topic = topic;
        this.force = force;
    }

    /** Waits until the live indexer has committed at least up to where the replay stopped, on every partition. */
    void awaitLive(Jdbi jdbi, String live, String rebuilt) {
        if (!SchemaSwitch.exists(jdbi, live)) {
            return;
        }
        long deadline = System.nanoTime() + LIVE_WAIT.toNanos();
        while (true) {
            Map<TopicPartition, Long> liveOffsets = jdbi.withHandle(h -> checkpoints(h, live));
            Map<TopicPartition, Long> rebuiltOffsets = jdbi.withHandle(h -> checkpoints(h, rebuilt));
            if (behind(liveOffsets, rebuiltOffsets).isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new FatalFailure("verify: the live indexer is behind the rebuild on " + behind(liveOffsets,
                        rebuiltOffsets) + " after " + LIVE_WAIT.toSeconds() + " s (live " + liveOffsets
                        + ", rebuilt " + rebuiltOffsets + "); the schemas can only be compared at the same"
                        + " position: start the live indexer, or rebuild without --verify");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /**
     * Inside the switch's transaction, live checkpoints locked: catch up, compare (the rebuilt schema digested at
     * the same time on a second connection of {@code jdbi}), refuse on a difference.
     */
    void check(Handle locked, Jdbi jdbi, String live, String rebuilt) {
        long heldSince = System.nanoTime();
        Map<TopicPartition, Long> liveOffsets = checkpoints(locked, live);
        Map<TopicPartition, Long> rebuiltOffsets = checkpoints(locked, rebuilt);
        if (!behind(rebuiltOffsets, liveOffsets).isEmpty()) {
            long records = replay.run(processor, rebuiltOffsets, liveOffsets);
            log.atInfo().addKeyValue("records", records).log("verify: rebuilt schema caught up with the live one");
        }
        try (Handle second = jdbi.open()) {
            report = SchemaDiff.compare(locked.getConnection(), second.getConnection(), live, rebuilt);
        } catch (SQLException e) {
            throw new IllegalStateException("verify: comparing " + rebuilt + " with " + live + " failed: "
                    + e.getMessage(), e);
        }
        log.info("{}", report.render());
        log.atInfo().addKeyValue("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - heldSince) / 1e9))
                .log(HELD);
        if (!report.identical()) {
            if (!force) {
                throw new VerifyFailedException(report);
            }
            log.warn("verify: {} table(s) differ; switching anyway (--force)", report.differing().size());
        }
    }

    Optional<VerifyReport> report() {
        return Optional.ofNullable(report);
    }

    /** Partitions where {@code a} is below {@code b} (absent counts as 0). */
    private static Map<TopicPartition, Long> behind(Map<TopicPartition, Long> a, Map<TopicPartition, Long> b) {
        Map<TopicPartition, Long> behind = new HashMap<>();
        b.forEach((tp, offset) -> {
            if (a.getOrDefault(tp, 0L) < offset) {
                behind.put(tp, a.getOrDefault(tp, 0L));
            }
        });
        return behind;
    }

    private Map<TopicPartition, Long> checkpoints(Handle handle, String schema) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        handle.createQuery(String.format(CHECKPOINTS, SchemaSwitch.quoted(schema))).bind("topic", topic)
                .map((rs, ctx) -> Map.entry(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2)))
                .forEach(e -> offsets.put(e.getKey(), e.getValue()));
        return offsets;
    }
}
