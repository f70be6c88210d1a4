package io.storagehub.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.api.problem.ApiProblem;
import io.storagehub.api.problem.ProblemType;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolTurnsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void run_returnsTheWorksResult_andFreesTheTurn_evenWhenTheWorkFails() {
        // given
        PoolTurns turns = new PoolTurns(1, Duration.ofSeconds(5));

        // when
        assertThatThrownBy(() -> turns.run(() -> {
            throw new IllegalStateException("boom");
        }, System.nanoTime())).isInstanceOf(IllegalStateException.class);

        // then
        assertThat(turns.run(() -> "answer", System.nanoTime())).isEqualTo("answer");
    }

    @Test
    void requests_takeTheirTurns_inArrivalOrder() throws Exception {
        // given: the only turn is taken
        PoolTurns turns = new PoolTurns(1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<String> holder = hold(turns, release);

        // when: three more arrive one after the other
        List<CompletableFuture<String>> queued = new CopyOnWriteArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            int before = turns.waiting();
            queued.add(CompletableFuture.supplyAsync(() -> turns.run(() -> {
                order.add(name);
                return name;
            }, System.nanoTime()), threads));
            Wait.until(DEADLINE, name + " queued", () -> turns.waiting() == before + 1);
        }
        release.countDown();

        // then
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("holder");
        for (CompletableFuture<String> request : queued) {
            request.get(10, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void aRequestThatWaitsLongerThanTheTimeout_isAnswered503_withRetryAfter() throws Exception {
        // given: the only turn is taken
        PoolTurns turns = new PoolTurns(1, Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = hold(turns, release);

        // when / then
        try {
            assertThatThrownBy(() -> turns.run(() -> "late", System.nanoTime()))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE);
                        assertThat(problem.retryAfterSeconds()).hasValue(5);
                    });
        } finally {
            release.countDown();
        }
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("holder");
    }

    @Test
    void aRequestThatAlreadyWaitedLongerThanTheTimeout_isAnswered503_thoughATurnIsFree() {
        PoolTurns turns = new PoolTurns(1, Duration.ofMillis(500));
        long arrivedLongAgo = System.nanoTime() - Duration.ofMillis(501).toNanos();

        assertThatThrownBy(() -> turns.run(() -> "late", arrivedLongAgo))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE));
        assertThat(turns.run(() -> "on time", System.nanoTime() - Duration.ofMillis(100).toNanos()))
                .isEqualTo("on time");
    }

    @Test
    void aPoolWithoutConnections_isRefused() {
        assertThatThrownBy(() -> new PoolTurns(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connections");
    }

    /** Takes a turn and keeps it until {@code release}; returns once the turn is taken. */
    private CompletableFuture<String> hold(PoolTurns turns, CountDownLatch release) {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> turns.run(() -> {
            running.countDown();
            await(release);
            return "holder";
        }, System.nanoTime()), threads);
        Wait.until(DEADLINE, "the holder has its turn", () -> running.getCount() == 0);
        return holder;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
