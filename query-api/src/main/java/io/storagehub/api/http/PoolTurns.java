package io.storagehub.api.http;

import io.storagehub.api.problem.ApiProblem;
import io.storagehub.api.problem.ProblemMapper;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * First come, first served turns at the request pool: at most as many requests run their statements at once as
 * the pool has connections, and the others queue in arrival order. Hikari's own hand-out is not fair (a request
 * that arrives while a connection is being returned may take it before one that has waited), which under load
 * left a few requests waiting many times the median. A request that waits longer than the pool's connect
 * timeout, counted from when the request was ready to be handled where the caller gives it (a request may first
 * wait for a server thread), is answered 503, as when Hikari times out.
 */
final class PoolTurns {
    private final Semaphore turns;
    private final long timeoutNanos;

    PoolTurns(int connections, Duration timeout) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        this.turns = new Semaphore(connections, true);
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Runs {@code work} (which takes one pooled connection at a time) in its turn, for a request that has been
     * waiting since {@code waitingSinceNanos} ({@link System#nanoTime()}), e.g. in the server's queue for a thread:
     * that wait counts against the timeout, so a request that already waited longer is answered 503 without taking
     * a turn.
     */
    <T> T run(Supplier<T> work, long waitingSinceNanos) {
        long left = timeoutNanos - (System.nanoTime() - waitingSinceNanos);
        try {
            if (left <= 0 || !turns.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                throw unavailable();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    /** How many requests wait for their turn right now. */
    int waiting() {
        return turns.getQueueLength();
    }

    private static ApiProblem unavailable() {
        return ApiProblem.unavailable(ProblemMapper.DATABASE_UNAVAILABLE_DETAIL,
                ProblemMapper.DATABASE_RETRY_AFTER_SECONDS);
    }
}
