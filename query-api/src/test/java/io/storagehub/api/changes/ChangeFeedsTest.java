package io.storagehub.api.changes;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storagehub.api.consistency.IndexWatcher;
import io.storagehub.api.consistency.IndexedChains;
import io.storagehub.api.contract.GeneratedChainContract;
import io.storagehub.api.problem.ApiProblem;
import io.storagehub.api.problem.ProblemType;
import io.storagehub.api.support.ManualNotifications;
import io.storagehub.api.support.TestChain;
import io.storagehub.projection.Batch;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.testkit.chain.ChainScript;
import io.storagehub.testkit.wait.Wait;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chains' feeds: one read per notification for every listener, and the same filter as the storage's. */
class ChangeFeedsTest {
    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryProjection projection = new InMemoryProjection(store);
    private final InMemoryQueries adapter = new InMemoryQueries(store);
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final StorageQueries queries = counting(adapter);
    private final ManualNotifications notifications = new ManualNotifications();
    private final IndexWatcher watcher = new IndexWatcher(new IndexedChains(queries::chain, Duration.ofSeconds(60)),
            notifications, Duration.ofSeconds(60)).start();
    private final ChangeFeeds feeds = new ChangeFeeds(queries, watcher, new StreamSettings(10, 1000,
            Duration.ofSeconds(15)), new SimpleMeterRegistry());

    /** The adapter, counting its calls by method name. */
    private StorageQueries counting(StorageQueries real) {
        return (StorageQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StorageQueries.class}, (proxy, method, args) -> {
                    reads.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private int reads(String method) {
        AtomicInteger count = reads.get(method);
        return count == null ? 0 : count.get();
    }

    @AfterEach
    void stop() {
        feeds.close();
        watcher.close();
    }

    /** A listener that keeps what it hears. */
    private record Heard(ChangeFilter filter, List<Position> positions) implements FeedListener {
        Heard(ChangeFilter filter) {
            this(filter, new CopyOnWriteArrayList<>());
        }

        @Override
        public void deliver(FeedMessage message) {
            positions.add(message.position());
        }
    }

    private static ChangeFilter only(BucketId bucket, FileKey file, ProviderId msp, ProviderId bsp, AccountId account) {
        return new ChangeFilter(Optional.ofNullable(bucket), Optional.ofNullable(file), Optional.ofNullable(msp),
                Optional.ofNullable(bsp), Optional.ofNullable(account));
    }

    private List<Position> stored(String chain, ChangeFilter filter, Position after) {
        List<Position> positions = new ArrayList<>();
        Position from = after;
        while (true) {
            List<ChangeView> page = adapter.changes(chain, filter, from, PageRequest.MAX_LIMIT);
            page.forEach(change -> positions.add(change.position()));
            if (page.size() < PageRequest.MAX_LIMIT) {
                return positions;
            }
            from = page.get(page.size() - 1).position();
        }
    }

    @Test
    void oneNotification_isOneRead_howeverManyListenersFollowTheChain() {
        // given: a chain and fifty listeners with ten different filters
        ChainScript script = ChainScript.on("feed-fanout");
        script.mspSignUp(1, 1);
        script.bspSignUp(11);
        script.newBucket(1, 1, 1, 1);
        script.newBucket(2, 2, 1, 1);
        projection.apply(Batch.of(script.emitted()));
        Position head = adapter.chain(script.chain()).orElseThrow().lastPosition();
        List<ChangeFilter> filters = List.of(ChangeFilter.NONE, only(bucket(1), null, null, null, null),
                only(bucket(2), null, null, null, null), only(null, file(1), null, null, null),
                only(null, file(3), null, null, null), only(null, null, provider(1), null, null),
                only(null, null, null, provider(11), null), only(null, null, null, null, account(1)),
                only(null, null, null, null, account(2)), only(bucket(1), null, null, provider(11), null));
        List<Heard> listeners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Heard heard = new Heard(filters.get(i % filters.size()));
            assertThat(feeds.join(script.chain(), heard).head()).isEqualTo(head);
            listeners.add(heard);
        }
        int readsBefore = reads("changes");
        int ownerReadsBefore = reads("fileOwners");

        // when: a batch lands and is notified
        script.nextBlock();
        int from = script.emitted().size();
        script.newStorageRequest(1, 1, 1, "a", 1);
        script.newStorageRequest(2, 2, 2, "b", 2);
        script.newStorageRequest(3, 1, 1, "c", 3);
        script.mspAccepted(1);
        script.bspConfirmed(11, 1, 3);
        projection.apply(Batch.of(script.emitted().subList(from, script.emitted().size())));
        notifications.indexed(script.chain());

        // then: every listener hears exactly its changes, from one read of the new changes and one of the owners
        // of the three new files (the bucket and account filters need them), not one per file
        for (Heard heard : listeners) {
            List<Position> expected = stored(script.chain(), heard.filter(), head);
            Wait.until(Duration.ofSeconds(5), "a listener heard " + expected, () -> heard.positions().equals(expected));
        }
        assertThat(stored(script.chain(), ChangeFilter.NONE, head)).hasSize(5);
        assertThat(reads("changes") - readsBefore).isEqualTo(1);
        assertThat(reads("fileOwners") - ownerReadsBefore).isEqualTo(1);
        assertThat(reads("file")).isZero();
    }

    @Test
    void theInMemoryFilter_isTheStoragesFilter_onTheTestAndGeneratedChains() {
        // given
        projection.apply(Batch.of(TestChain.events()));
        projection.apply(Batch.of(GeneratedChainContract.generatedEvents()));
        ChangeMatcher matcher = new ChangeMatcher(adapter);

        for (String chain : List.of(TestChain.NAME, GeneratedChainContract.GENERATED)) {
            List<ChangeView> all = adapter.changes(chain, ChangeFilter.NONE, Position.ORIGIN, PageRequest.MAX_LIMIT);
            List<ChangeView> rest = all;
            while (rest.size() == PageRequest.MAX_LIMIT) {
                rest = adapter.changes(chain, ChangeFilter.NONE, rest.get(rest.size() - 1).position(),
                        PageRequest.MAX_LIMIT);
                all = concat(all, rest);
            }
            Set<ChangeFilter> filters = new LinkedHashSet<>();
            for (ChangeView change : all) {
                for (ChangedEntity e : change.entities()) {
                    filters.add(filterFor(chain, e));
                }
            }
            filters.remove(null);
            assertThat(filters).hasSizeGreaterThan(20);

            // when / then: every filter keeps the same changes in memory as in the storage
            for (ChangeFilter filter : filters) {
                List<Position> inMemory = all.stream().filter(c -> matcher.matches(chain, filter, c))
                        .map(ChangeView::position).toList();
                assertThat(inMemory).as("%s on %s", filter, chain).isEqualTo(stored(chain, filter, Position.ORIGIN));
            }
        }
    }

    /** A filter on the entity (and for files, their bucket and owner too, combined). */
    private ChangeFilter filterFor(String chain, ChangedEntity e) {
        switch (e.kind()) {
            case MSP: return only(null, null, ProviderId.of(e.id()), null, null);
            case BSP: return only(null, null, null, ProviderId.of(e.id()), null);
            case BUCKET: return only(BucketId.of(e.id()), null, null, null, null);
            case PAYMENT_STREAM: return only(null, null, null, null, AccountId.of(e.id().split(":")[0]));
            case FILE:
                return adapter.file(chain, FileKey.of(e.id()))
                        .map(f -> e.id().hashCode() % 3 == 0 ? only(null, f.fileKey(), null, null, null)
                                : e.id().hashCode() % 3 == 1 ? only(null, null, null, null, f.owner())
                                : only(f.bucketId(), null, null, null, f.owner()))
                        .orElse(null);
            default: return null;
        }
    }

    private static List<ChangeView> concat(List<ChangeView> a, List<ChangeView> b) {
        List<ChangeView> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aFeed_stopsReading_whenItsLastListenerLeaves() {
        // given: a listener that joined and left, and one that follows another chain
        ChainScript script = ChainScript.on("feed-left");
        ChainScript other = ChainScript.on("feed-stays");
        script.mspSignUp(1, 1);
        other.mspSignUp(1, 1);
        projection.apply(Batch.of(script.emitted()));
        projection.apply(Batch.of(other.emitted()));
        Heard heard = new Heard(ChangeFilter.NONE);
        ChangeFeeds.Joined joined = feeds.join(script.chain(), heard);
        feeds.leave(joined.feed(), heard);
        Heard stays = new Heard(ChangeFilter.NONE);
        feeds.join(other.chain(), stays);
        int readsBefore = reads("changes");

        // when: both chains are indexed further and notified together
        script.nextBlock();
        script.bspSignUp(2);
        other.nextBlock();
        other.bspSignUp(2);
        projection.apply(Batch.of(List.of(script.emitted().get(1), other.emitted().get(1))));
        notifications.indexed(script.chain());
        notifications.indexed(other.chain());

        // then: the other chain is read once; nobody reads the left one any more
        Wait.until(Duration.ofSeconds(5), "the other chain's change heard", () -> stays.positions().size() == 1);
        assertThat(reads("changes") - readsBefore).isEqualTo(1);
        assertThat(heard.positions()).isEmpty();
    }

    @Test
    void pagesWaitingForAChange_areAnswered503_whenTheFeedsClose() {
        // given
        ChainScript script = ChainScript.on("feed-closing");
        script.mspSignUp(1, 1);
        projection.apply(Batch.of(script.emitted()));
        CompletableFuture<Void> waiting = feeds.awaitChange(script.chain(), ChangeFilter.NONE,
                adapter.chain(script.chain()).orElseThrow().lastPosition(), Duration.ofSeconds(30));

        // when
        feeds.close();

        // then
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE);
                    assertThat(p.retryAfterSeconds()).isPresent();
                });
        assertThatThrownBy(feeds::reserve).isInstanceOf(ApiProblem.class);
    }
}
