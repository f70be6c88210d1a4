package io.storagehub.api.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IndexedChainsTest {
    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final Map<String, Long> blocks = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private Optional<ChainView> lookup(String chain) {
        lookups.incrementAndGet();
        return Optional.ofNullable(blocks.get(chain)).map(b -> view(chain, b));
    }

    private static ChainView view(String chain, long block) {
        return new ChainView(chain, block, new Position(block, 0), Instant.EPOCH);
    }

    private IndexedChains chains(Function<String, Optional<ChainView>> lookup) {
        return new IndexedChains(lookup, MAX_AGE, now::get);
    }

    private static long block(Optional<ChainView> view) {
        return view.orElseThrow().lastIndexedBlock();
    }

    @Test
    void aFreshEntry_isServedWithoutALookup_andAStaleOne_isReadAgain() {
        // given
        blocks.put("a", 5L);
        IndexedChains chains = chains(this::lookup);
        assertThat(block(chains.current("a"))).isEqualTo(5);
        blocks.put("a", 6L);

        // when: younger than the max age
        now.addAndGet(MAX_AGE.toNanos() - 1);

        // then: cached, no second lookup
        assertThat(block(chains.current("a"))).isEqualTo(5);
        assertThat(lookups.get()).isEqualTo(1);

        // when: the max age has passed
        now.addAndGet(1);

        // then: read again, and the new read is cached in turn
        assertThat(block(chains.current("a"))).isEqualTo(6);
        assertThat(block(chains.current("a"))).isEqualTo(6);
        assertThat(lookups.get()).isEqualTo(2);
    }

    @Test
    void aReread_publishesTheNewView_forEveryLaterRequest() {
        blocks.put("b", 1L);
        IndexedChains chains = chains(this::lookup);
        chains.current("b");
        blocks.put("b", 2L);

        assertThat(block(chains.reread("b"))).isEqualTo(2);

        assertThat(block(chains.current("b"))).isEqualTo(2);
        assertThat(lookups.get()).isEqualTo(2);
    }

    @Test
    void anUnknownChain_isNotCached_soAChainThatAppearsLater_isFound() {
        IndexedChains chains = chains(this::lookup);

        assertThat(chains.current("c")).isEmpty();
        assertThat(chains.current("c")).isEmpty();
        assertThat(chains.cached("c")).isFalse();
        assertThat(lookups.get()).isEqualTo(2);

        blocks.put("c", 7L);
        assertThat(block(chains.current("c"))).isEqualTo(7);
    }

    @Test
    void aLaterRead_thatFindsNoChain_dropsIt() {
        blocks.put("d", 3L);
        IndexedChains chains = chains(this::lookup);
        chains.current("d");
        blocks.remove("d");
        now.incrementAndGet();

        assertThat(chains.reread("d")).isEmpty();

        assertThat(chains.cached("d")).isFalse();
    }

    @Test
    void anEarlierReadThatFinishesLate_neverMovesTheBlockBackwards() {
        // given: a read of block 4 that, while it runs, is overtaken by a later read of block 5
        blocks.put("e", 5L);
        IndexedChains[] chains = new IndexedChains[1];
        AtomicInteger calls = new AtomicInteger();
        chains[0] = chains(chain -> {
            now.incrementAndGet();
            if (calls.incrementAndGet() == 1) {
                chains[0].reread(chain);
                return Optional.of(view(chain, 4));
            }
            return lookup(chain);
        });

        // when
        Optional<ChainView> answered = chains[0].reread("e");

        // then: the later read's block 5 stays
        assertThat(block(answered)).isEqualTo(5);
        assertThat(block(chains[0].current("e"))).isEqualTo(5);
    }

    @Test
    void aLaterRead_movesTheBlockBackwards_whenItSaysSo() {
        // given: block 9 cached, then the read model is rebuilt and is at block 2
        blocks.put("f", 9L);
        IndexedChains chains = chains(this::lookup);
        chains.current("f");
        blocks.put("f", 2L);
        now.incrementAndGet();

        // when
        Optional<ChainView> reread = chains.reread("f");

        // then
        assertThat(block(reread)).isEqualTo(2);
        assertThat(block(chains.current("f"))).isEqualTo(2);
    }

    @Test
    void aFailingLookup_propagates_andLeavesTheCacheAsItWas() {
        blocks.put("g", 1L);
        boolean[] down = {false};
        IndexedChains chains = chains(chain -> {
            if (down[0]) {
                throw new IllegalStateException("database down");
            }
            return lookup(chain);
        });
        chains.current("g");
        down[0] = true;
        now.addAndGet(MAX_AGE.toNanos());

        assertThatThrownBy(() -> chains.current("g")).hasMessage("database down");

        down[0] = false;
        assertThat(chains.cached("g")).isTrue();
        assertThat(block(chains.current("g"))).isEqualTo(1);
    }

    @Test
    void requestsThatFindAStaleChain_shareOneReread_andItsAnswer() throws Exception {
        // given: a cached chain gone stale, and a re-read that is under way (its lookup blocks)
        blocks.put("a", 5L);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger blocking = new AtomicInteger();
        IndexedChains chains = chains(chain -> {
            lookups.incrementAndGet();
            if (blocking.get() > 0) {
                await(release);
            }
            return Optional.ofNullable(blocks.get(chain)).map(block -> view(chain, block));
        });
        chains.current("a");
        blocks.put("a", 6L);
        blocking.set(1);
        now.addAndGet(MAX_AGE.toNanos());
        CompletableFuture<Optional<ChainView>> first = CompletableFuture.supplyAsync(() -> chains.current("a"));
        Wait.until(Duration.ofSeconds(10), "the first re-read started", () -> lookups.get() == 2);

        // when: another request finds the chain stale while that re-read runs
        FutureTask<Optional<ChainView>> second = new FutureTask<>(() -> chains.current("a"));
        Thread secondThread = new Thread(second, "second-request");
        secondThread.start();
        Wait.until(Duration.ofSeconds(10), "the second request waits",
                () -> secondThread.getState() == Thread.State.WAITING);
        release.countDown();

        // then: one lookup served both
        assertThat(block(first.get(10, TimeUnit.SECONDS))).isEqualTo(6);
        assertThat(block(second.get(10, TimeUnit.SECONDS))).isEqualTo(6);
        assertThat(lookups.get()).isEqualTo(2);
    }

    @Test
    void aSharedRereadThatFails_failsEveryRequestWaitingForIt_andTheNextRequestReadsAgain() throws Exception {
        // given: a lookup that blocks, then fails
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger failing = new AtomicInteger(1);
        IndexedChains chains = chains(chain -> {
            lookups.incrementAndGet();
            if (failing.get() > 0) {
                await(release);
                throw new IllegalStateException("database down");
            }
            return Optional.of(view(chain, 7));
        });
        CompletableFuture<Optional<ChainView>> first = CompletableFuture.supplyAsync(() -> chains.current("a"));
        Wait.until(Duration.ofSeconds(10), "the first lookup started", () -> lookups.get() == 1);
        FutureTask<Optional<ChainView>> second = new FutureTask<>(() -> chains.current("a"));
        Thread secondThread = new Thread(second, "second-request");
        secondThread.start();
        Wait.until(Duration.ofSeconds(10), "the second request waits",
                () -> secondThread.getState() == Thread.State.WAITING);

        // when
        release.countDown();

        // then
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
        assertThat(lookups.get()).isEqualTo(1);
        failing.set(0);
        assertThat(block(chains.current("a"))).isEqualTo(7);
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
