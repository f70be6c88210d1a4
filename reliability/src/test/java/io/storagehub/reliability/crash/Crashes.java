package io.storagehub.reliability.crash;

import io.storagehub.reliability.child.ChildConfig;
import io.storagehub.reliability.child.ChildIndexer;
import io.storagehub.reliability.support.ReadModelDb;
import io.storagehub.testkit.wait.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs indexer processes through a {@link KillPlan}: waits for each kill's progress target, watches for its phase,
 * sends SIGKILL, and starts the next process. A restarted process joins a fresh consumer group: a SIGKILLed member
 * keeps its partitions in its group until {@code session.timeout.ms} (45 s) expires, and the offsets live in
 * Postgres anyway, so the group is only a way to share partitions. A rebalance kill runs two processes in one
 * group (the first frozen with SIGSTOP while the second starts, so the rebalance happens at the planned
 * progress): in a soak the survivor then waits out the session timeout and takes every partition over; in CI it
 * is killed as well (a second kill) to keep the run short.
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
    private final boolean takeOver;
    private final Random random;
    private final List<ChildIndexer> started = new ArrayList<>();
    private final Map<ChildIndexer, String> groups = new HashMap<>();
    private final List<Map<String, Object>> killLog = new ArrayList<>();
    private final Map<String, Integer> byPhase = new TreeMap<>();
    private final List<Double> takeovers = new ArrayList<>();
    private ChildIndexer current;

    Crashes(ChildConfig base, Path logs, PhaseWatch watch, ReadModelDb db, int partitions, boolean takeOver,
            long seed) {
        this.base = base;
        this.logs = logs;
        this.watch = watch;
        this.db = db;
        this.topic = base.topic();
        this.partitions = partitions;
        this.takeOver = takeOver;
        this.random = new Random(seed);
    }

    /**
     * Runs the plan over {@code records} records. A kill waits for its target, and also for its process to move
     * the stored offsets by at least half a slice of the plan, so kills whose targets a fast process (or a
     * takeover) already passed do not all land in the same place; no target goes past 97 % of the backfill.
     */
    void run(KillPlan plan, long records) {
        long minimumStep = (long) (records * 0.9 / plan.kills().size() / 2);
        current = start(base.group() + "-0");
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
        kill(current, phase.name(), seen, detail);
        current = start(base.group() + "-" + started.size());
    }

    private void rebalance() {
        ChildIndexer first = current;
        String group = groups.get(first);
        Wait.until(PROGRESS_TIMEOUT, "the first process of the group is consuming",
                () -> first.log().contains(0, "msg=batch committed") || !first.alive());
        int mark = first.log().mark();
        // the first process is frozen while the second one's JVM starts, so the group rebalances at this
        // progress rather than seconds later; then it resumes and both take part in the rebalance
        first.pause();
        ChildIndexer joiner = start(group);
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
        if (takeOver) {
            int afterKill = survivor.log().mark();
            long start = System.nanoTime();
            Wait.until(TAKEOVER_TIMEOUT, "the survivor takes every partition over",
                    () -> survivor.log().find(afterKill, this::assignsAll).isPresent());
            takeovers.add((System.nanoTime() - start) / 1e9);
            current = survivor;
        } else {
            kill(survivor, KillPhase.REBALANCE.name() + "_SURVIVOR", true, "the other process of the group");
            current = start(base.group() + "-" + started.size());
        }
    }

    private boolean assignsAll(String line) {
        if (!line.contains("msg=partitions assigned")) {
            return false;
        }
        for (int p = 0; p < partitions; p++) {
            if (!line.contains(topic + "-" + p)) {
                return false;
            }
        }
        return true;
    }

    private ChildIndexer start(String group) {
        ChildIndexer child = ChildIndexer.start("indexer-" + started.size(), base.withGroup(group), logs);
        started.add(child);
        groups.put(child, group);
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
        Wait.until(PROGRESS_TIMEOUT, "the last process caught up", () -> db.caughtUp(topic, ends) || !last.alive());
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

    List<Double> takeoverSeconds() {
        return List.copyOf(takeovers);
    }

    void closeAll() {
        started.forEach(ChildIndexer::close);
    }
}
