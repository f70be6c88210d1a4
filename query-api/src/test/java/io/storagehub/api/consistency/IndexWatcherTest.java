package io.storagehub.api.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.api.problem.ApiProblem;
import io.storagehub.api.problem.ProblemType;
import io.storagehub.api.support.ManualNotifications;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexWatcherTest {
    private final Map<String, Long> blocks = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final ManualNotifications notifications = new ManualNotifications();
    private IndexWatcher watcher;

    private Optional<ChainView> lookup(String chain) {
        lookups.incrementAndGet();
        return Optional.ofNullable(blocks.get(chain))
                .map(b -> new ChainView(chain, b, new Position(b, 0), Instant.EPOCH));
    }

    private final IndexedChains chains = new IndexedChains(this::lookup, Duration.ofSeconds(60));

    private IndexWatcher start(Duration fallbackPoll) {
        watcher = new IndexWatcher(chains, notifications, fallbackPoll).start();
        return watcher;
    }

    @AfterEach
    void stop() {
        watcher.close();
    }

    @Test
    void waiters_complete_whenANotificationSaysTheBlockIsIndexed() throws Exception {
        // given: many requests waiting on one chain, with a fallback poll too slow to matter
        blocks.put("a", 5L);
        start(Duration.ofSeconds(60));
        List<CompletableFuture<ChainView>> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(watcher.awaitBlock("a", 6 + i % 2, Duration.ofSeconds(30)));
        }
        CompletableFuture<ChainView> later = watcher.awaitBlock("a", 9, Duration.ofSeconds(30));
        int lookupsBefore = lookups.get();

        // when
        blocks.put("a", 7L);
        notifications.indexed("a");

        // then: one lookup released all fifty, the one for block 9 still waits
        for (CompletableFuture<ChainView> w : waiting) {
            assertThat(w.get(5, TimeUnit.SECONDS).lastIndexedBlock()).isEqualTo(7);
        }
        assertThat(lookups.get() - lookupsBefore).isEqualTo(1);
        assertThat(later).isNotDone();
        assertThat(watcher.waiting()).isEqualTo(1);
    }

    @Test
    void waiters_complete_byTheFallbackPoll_whenNoNotificationArrives() throws Exception {
        blocks.put("b", 1L);
        start(Duration.ofMillis(50));
        CompletableFuture<ChainView> waiting = watcher.awaitBlock("b", 2, Duration.ofSeconds(30));

        blocks.put("b", 2L);

        assertThat(waiting.get(5, TimeUnit.SECONDS).lastIndexedBlock()).isEqualTo(2);
        Wait.until(Duration.ofSeconds(5), "no request waiting", () -> watcher.waiting() == 0);
    }

    @Test
    void aWaiter_completesAtOnce_whenTheBlockLandedBeforeItRegistered() throws Exception {
        blocks.put("c", 10L);
        start(Duration.ofSeconds(60));

        assertThat(watcher.awaitBlock("c", 10, Duration.ofSeconds(30)).get(1, TimeUnit.SECONDS).lastIndexedBlock())
                .isEqualTo(10);
    }

    @Test
    void aWaiter_failsWithIndexBehind_whenTheTimeoutPasses() {
        blocks.put("d", 1L);
        start(Duration.ofMillis(20));

        CompletableFuture<ChainView> waiting = watcher.awaitBlock("d", 2, Duration.ofMillis(100));

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.INDEX_BEHIND);
                    assertThat(p.retryAfterSeconds()).hasValue(1);
                });
        Wait.until(Duration.ofSeconds(5), "no request waiting", () -> watcher.waiting() == 0);
    }

    @Test
    void nothingIsLookedUp_whileNobodyWaits() {
        start(Duration.ofMillis(10));
        notifications.indexed("e");

        Wait.until(Duration.ofSeconds(5), "5 waits for a notification", () -> notifications.awaits() >= 5);

        assertThat(lookups.get()).isZero();
    }

    @Test
    void aNotification_refreshesACachedChain_once_evenWhenNobodyWaits() {
        // given: a cached chain whose entry is far from its max age
        blocks.put("f", 3L);
        start(Duration.ofSeconds(60));
        assertThat(chains.current("f").orElseThrow().lastIndexedBlock()).isEqualTo(3);
        int lookupsBefore = lookups.get();

        // when
        blocks.put("f", 4L);
        notifications.indexed("f");

        // then: the cache serves block 4 without a lookup of its own, after one re-read by the watcher
        Wait.until(Duration.ofSeconds(5), "one more lookup", () -> lookups.get() - lookupsBefore == 1);
        Wait.until(Duration.ofSeconds(5), "chain f indexed up to block 4",
                () -> chains.current("f").orElseThrow().lastIndexedBlock() == 4);
        assertThat(lookups.get() - lookupsBefore).isEqualTo(1);
    }

    @Test
    void followers_hearEveryNotificationAboutTheirChain_untilTheyStop() throws Exception {
        // given: two followers of chain g, one of chain h
        blocks.put("g", 1L);
        blocks.put("h", 1L);
        start(Duration.ofSeconds(60));
        java.util.concurrent.BlockingQueue<Long> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.BlockingQueue<Long> heardToo = new java.util.concurrent.LinkedBlockingQueue<>();
        AutoCloseable first = watcher.follow("g", view -> heard.add(view.lastIndexedBlock()));
        AutoCloseable second = watcher.follow("g", view -> heardToo.add(view.lastIndexedBlock()));
        AutoCloseable other = watcher.follow("h", view -> heard.add(-view.lastIndexedBlock()));
        int lookupsBefore = lookups.get();

        // when
        blocks.put("g", 2L);
        notifications.indexed("g");

        // then: both hear block 2 from one lookup; the follower of h hears nothing
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(2L);
        assertThat(heardToo.poll(5, TimeUnit.SECONDS)).isEqualTo(2L);
        assertThat(lookups.get() - lookupsBefore).isEqualTo(1);

        // when: the first stops following
        first.close();
        blocks.put("g", 3L);
        notifications.indexed("g");

        // then
        assertThat(heardToo.poll(5, TimeUnit.SECONDS)).isEqualTo(3L);
        assertThat(heard.poll(100, TimeUnit.MILLISECONDS)).isNull();
        second.close();
        other.close();
    }

    @Test
    void followedChains_areReCheckedByTheFallbackPoll_whenNotificationsAreLost() throws Exception {
        blocks.put("i", 1L);
        start(Duration.ofMillis(50));
        java.util.concurrent.BlockingQueue<Long> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        AutoCloseable following = watcher.follow("i", view -> heard.add(view.lastIndexedBlock()));

        blocks.put("i", 5L);

        Long last = Wait.until(Duration.ofSeconds(5), "block 5 heard", heard::poll, b -> b != null && b == 5L);
        assertThat(last).isEqualTo(5L);
        following.close();
    }
}
