package io.storagehub.reliability.crash;

import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.testkit.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs indexer processes through a {@link KillPlan}: waits for each kill's progress target, watches for its phase,
 * sends SIGKILL, and restarts the process. Every process is a static member of one consumer group
 * ({@code STORAGEHUB_INDEXER_INSTANCE_ID}), and a restarted process takes the killed one's instance id, so it gets
 * the killed one's partitions back at once instead of after the session timeout (the time from the kill until
 * they are owned again is a figure). A rebalance kill runs two processes in the group (the first frozen with
 * SIGSTOP while the second starts, so the rebalance happens at the planned progress); the victim is restarted
 * with its instance id (the takeover time is a figure), then stopped with SIGTERM: it leaves the group, and the
 * survivor takes every partition (the time that takes is a figure too) and goes on alone.
 */
final class Crashes {
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofMinutes(3);

    private final ChildConfig base;
    private final Path logs;
    private final PhaseWatch watch;
    private final ReadModelDb db;
    private final String topic;
    private final int partitions;
    private final Random random;
    private final List<ChildIndexer> started = new ArrayList<>();
    private final Map<ChildIndexer, String> instanceIds = new HashMap<>();
    private final List<Map<String, Object>> killLog = new ArrayList<>();
    private final Map<String, Integer> byPhase = new TreeMap<>();
    private final List<Double> takeovers = new ArrayList<>();
    private final List<Double> restarts = new ArrayList<>();
    private final List<Double> leaves = new ArrayList<>();
    private final List<Double> joins = new ArrayList<>();
    private ChildIndexer current;

    Crashes(ChildConfig base, Path logs, PhaseWatch watch, ReadModelDb db, int partitions, long seed) {
        this.base = base;
        this.logs = logs;
        this.watch = watch;
        this.db = db;
        this.topic = base.topic();
        this.partitions = partitions;
        this.random = new Random(seed);
    }

    /**
     * Runs the plan over {@code records} records. A kill waits for its target, and also for its process to move
     * the stored offsets by at least half a slice of the plan, so kills whose targets a fast process (or a
     * takeover) already passed do not all land in the same place; no target goes past 97 % of the backfill.
     */
    void run(KillPlan plan, long records) {
        long minimumStep = (long) (records * 0.9 / plan.kills().size() / 2);
        current = start("indexer-a");
        for (KillPlan.Kill kill : plan.kills()) {
            ChildIndexer running = current;
            long target = Math.min((long) (records * 0.97),
                    Math.max(kill.afterProgress(), Math.max(0, db.progress(topic)) + minimumStep));
            Wait.until(PROGRESS_TIMEOUT, "progress " + target,
                    () -> db.progress(topic) >= target || !running.alive());
            if (kill.phase() == KillPhase.REBALANCE) {
                rebalance();
            } else {
                single(kill.phase());
            }
        }
    }

    private void single(KillPhase phase) {
        boolean seen = watch.await(phase, current, phase == KillPhase.DLQ_PRODUCE
                ? PHASE_TIMEOUT.dividedBy(2) : PHASE_TIMEOUT);
        String detail = seen ? "observed" : "not observed in time: killed at a random moment";
        if (!seen && phase == KillPhase.DLQ_PRODUCE && watch.awaitRelaySignal(current, PHASE_TIMEOUT)) {
            detail = "transaction not caught open: killed as the relay was signalled";
        }
        ChildIndexer victim = current;
        kill(victim, phase.name(), seen, detail);
        long killed = System.nanoTime();
        current = start(instanceIds.get(victim));
        ChildIndexer restarted = current;
        Wait.until(TAKEOVER_TIMEOUT, "the restarted process owns every partition",
                () -> owned(List.of(restarted)) || !restarted.alive());
        restarts.add((System.nanoTime() - killed) / 1e9);
        Ownership.joinSeconds(restarted.log().lines()).ifPresent(joins::add);
    }

    private void rebalance() {
        ChildIndexer first = current;
        Wait.until(PROGRESS_TIMEOUT, "the first process of the group is consuming",
                () -> first.log().contains(0, "msg=batch committed") || !first.alive());
        int mark = first.log().mark();
        // the first process is frozen while the second one's JVM starts, so the group rebalances at this
        // progress rather than seconds later; then it resumes and both take part in the rebalance
        first.pause();
        ChildIndexer joiner = start(instanceIds.get(first).equals("indexer-a") ? "indexer-b" : "indexer-a");
        boolean joined = Wait.within(Duration.ofSeconds(60), () -> joiner.log().contains(0, "msg=indexer started"));
        first.resume();
        if (!joined) {
            throw new AssertionError("the second process did not start:\n" + joiner.log().tail(40));
        }
        boolean killJoiner = random.nextBoolean();
        ChildIndexer victim = killJoiner ? joiner : first;
        ChildIndexer survivor = killJoiner ? first : joiner;
        String event = killJoiner ? "partitions assigned" : "partitions revoked";
        boolean seen = Wait.within(Duration.ofSeconds(60), () -> victim.log().contains(victim == first ? mark : 0,
                "msg=" + event));
        kill(victim, KillPhase.REBALANCE.name(), seen, (killJoiner ? "joining process at " : "first process at ")
                + event);
        long killed = System.nanoTime();
        ChildIndexer replacement = start(instanceIds.get(victim));
        Wait.until(TAKEOVER_TIMEOUT, "the restarted process and the survivor own every partition",
                () -> owned(List.of(survivor, replacement)) || !replacement.alive()
                || !survivor.alive());
        takeovers.add((System.nanoTime() - killed) / 1e9);
        Ownership.joinSeconds(replacement.log().lines()).ifPresent(joins::add);
        // the replacement leaves the group on SIGTERM: the survivor takes its partitions at once
        long terminated = System.nanoTime();
        int exit = replacement.terminate();
        if (exit != 143) {
            throw new AssertionError(replacement + " exited with " + exit + " on SIGTERM:\n"
                    + replacement.log().tail(40));
        }
        Wait.until(TAKEOVER_TIMEOUT, "the survivor takes every partition of the process that left",
                () -> owned(List.of(survivor)) || !survivor.alive());
        leaves.add((System.nanoTime() - terminated) / 1e9);
        current = survivor;
    }

    /** Whether these processes together own every partition, according to their logs. */
    private boolean owned(List<ChildIndexer> processes) {
        Set<Integer> owned = new HashSet<>();
        processes.forEach(p -> owned.addAll(Ownership.of(p.log().lines(), topic)));
        return owned.size() == partitions;
    }

    /** Starts a process as the static group member {@code instanceId}. */
    private ChildIndexer start(String instanceId) {
        ChildIndexer child = ChildIndexer.start("indexer-" + started.size(), base.withInstanceId(instanceId), logs);
        started.add(child);
        instanceIds.put(child, instanceId);
        return child;
    }

    private void kill(ChildIndexer child, String phase, boolean observed, String detail) {
        long progress = db.progress(topic);
        int exit = child.kill();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kill", killLog.size() + 1);
        entry.put("phase", phase);
        entry.put("observed", observed);
        entry.put("detail", detail);
        entry.put("process", child.name());
        entry.put("progressAtKill", progress);
        entry.put("exitCode", exit);
        killLog.add(entry);
        byPhase.merge(phase + (observed ? "" : " (fallback)"), 1, Integer::sum);
    }

    /** The last process: lets it finish the backfill, then stops it with SIGTERM; returns its exit code. */
    int finish(Map<Integer, Long> ends) {
        ChildIndexer last = current;
        Wait.until(PROGRESS_TIMEOUT, "the last process caught up",
                () -> db.caughtUp(topic, ends) || !last.alive());
        return last.terminate();
    }

    ChildIndexer current() {
        return current;
    }

    List<String> allLogLines() {
        List<String> lines = new ArrayList<>();
        started.forEach(c -> lines.addAll(c.log().lines()));
        return lines;
    }

    List<Map<String, Object>> killLog() {
        return List.copyOf(killLog);
    }

    Map<String, Integer> killsByPhase() {
        return Map.copyOf(byPhase);
    }

    int processesStarted() {
        return started.size();
    }

    /** Rebalance kills: from the SIGKILL until the restarted victim and the survivor own every partition. */
    List<Double> takeoverSeconds() {
        return List.copyOf(takeovers);
    }

    /** Other kills: from the SIGKILL until the restarted process owns every partition (JVM start included). */
    List<Double> restartSeconds() {
        return List.copyOf(restarts);
    }

    /**
     * Every restarted process that got partitions: from its {@code indexer started} log line to its first
     * assignment, i.e. the group rejoin without the JVM start (by the child's log timestamps).
     */
    List<Double> rejoinSeconds() {
        return List.copyOf(joins);
    }

    /** Rebalance kills: from the SIGTERM of the restarted victim until the survivor owns every partition. */
    List<Double> leaveSeconds() {
        return List.copyOf(leaves);
    }

    void closeAll() {
        started.forEach(ChildIndexer::close);
    }
}
