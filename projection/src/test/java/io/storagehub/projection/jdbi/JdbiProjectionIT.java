package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.SourceOffset;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.testkit.wait.Wait;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class JdbiProjectionIT {
    private static final String CHAIN = "smoke";
    private static final String TOPIC = "storagehub.events";

    private MigratedSchema db;
    private JdbiProjection projection;

    @BeforeEach
    void setUp() {
        db = MigratedSchema.create();
        projection = new JdbiProjection(db.jdbi);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void apply_isIdempotent_andRejectsDifferentContentAtAnAppliedPosition() {
        // given
        List<Envelope> events = SmokeChain.events(CHAIN);
        assertThat(projection.apply(Batch.of(events)).counts()).containsEntry(Outcome.Kind.APPLIED, events.size());
        Envelope original = events.get(2);
        Envelope forged = TestEvents.at(CHAIN, 2, 0, new FileSystemEvent.NewBucket(SmokeChain.USER, null,
                BucketId.of(Ids.hex32(999)), "forged", Hash32.of(Ids.hex32(1)), null, true, null));

        // when
        BatchResult again = projection.apply(Batch.of(List.of(original, forged)));

        // then
        assertThat(again.outcomes()).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.SKIPPED_DUPLICATE, Outcome.Kind.REJECTED);
        assertThat(again.outcomes().get(1).reason()).isEqualTo(Outcome.RejectReason.CONFLICTING_DUPLICATE);
        assertThat(projection.chainPositions()).containsExactly(Map.entry(CHAIN, new Position(4, 1)));
    }

    @Test
    void aPreparedBatch_isNotCommitted_whenAnotherWriterMovedItsChainMeanwhile() {
        // given: a batch prepared, then another writer applying the chain further
        List<Envelope> events = SmokeChain.events(CHAIN);
        projection.apply(Batch.of(events.subList(0, 2)));
        JdbiProjection.Prepared prepared = projection.prepare(new Batch(events.subList(2, 3),
                Optional.of(new SourceOffset(TOPIC, 0, 3))));
        new JdbiProjection(db.jdbi).apply(Batch.of(events.subList(2, 4)));

        // when
        assertThatThrownBy(() -> projection.commit(prepared, TransactionHook.NONE))
                .isInstanceOf(StalePreparedBatchException.class).hasMessageContaining(CHAIN);
        assertThatThrownBy(() -> projection.apply(Batch.of(events.subList(2, 3))))
                .isInstanceOf(IllegalStateException.class);
        projection.discardPrepared();
        BatchResult again = projection.apply(Batch.of(events.subList(2, 3)));

        // then: nothing of the prepared batch was written; applied again, its event is the other writer's
        assertThat(projection.checkpoint(TOPIC, 0)).isEmpty();
        assertThat(again.outcomes()).extracting(Outcome::kind).containsExactly(Outcome.Kind.SKIPPED_DUPLICATE);
        assertThat(projection.chainPositions()).containsExactly(Map.entry(CHAIN, events.get(3).position()));
    }

    @Test
    void checkpoint_onlyMovesForward_perTopicPartitionAndProjection() {
        // given
        List<Envelope> events = SmokeChain.events(CHAIN);
        projection.apply(new Batch(events.subList(0, 2), Optional.of(new SourceOffset(TOPIC, 0, 10))));

        // when
        projection.apply(new Batch(events.subList(2, 3), Optional.of(new SourceOffset(TOPIC, 0, 5))));
        projection.apply(new Batch(List.of(), Optional.of(new SourceOffset(TOPIC, 1, 3))));

        // then
        assertThat(projection.checkpoint(TOPIC, 0)).contains(new SourceOffset(TOPIC, 0, 10));
        assertThat(projection.checkpoint(TOPIC, 1)).contains(new SourceOffset(TOPIC, 1, 3));
        assertThat(projection.checkpoint(TOPIC, 2)).isEmpty();
        assertThat(new JdbiProjection(db.jdbi, "rebuild").checkpoint(TOPIC, 0)).isEmpty();
        projection.apply(new Batch(events.subList(3, 4), Optional.of(new SourceOffset(TOPIC, 0, 11))));
        assertThat(projection.checkpoint(TOPIC, 0)).contains(new SourceOffset(TOPIC, 0, 11));
    }

    @Test
    void apply_rollsBackEverything_whenTheTransactionFails() {
        // given
        Batch batch = new Batch(SmokeChain.events(CHAIN), Optional.of(new SourceOffset(TOPIC, 0, 7)));

        // when
        assertThatThrownBy(() -> projection.apply(batch, (handle, result) -> {
            throw new IllegalStateException("outbox unavailable");
        })).hasMessage("outbox unavailable");

        // then
        JdbiStorageQueries queries = new JdbiStorageQueries(db.jdbi);
        assertThat(projection.chainPositions()).isEmpty();
        assertThat(projection.checkpoint(TOPIC, 0)).isEmpty();
        assertThat(queries.bsp(CHAIN, SmokeChain.BSP)).isEmpty();
        assertThat(queries.file(CHAIN, SmokeChain.FILE)).isEmpty();
        assertThat(count("event_digest")).isZero();
        assertThat(count("change")).isZero();
        assertThat(count("change_key")).isZero();
        assertThat(projection.apply(batch).counts()).containsEntry(Outcome.Kind.APPLIED, 7);
        assertThat(count("change")).isEqualTo(7);
    }

    @Test
    void changesOff_writesNothingToTheChangeTables_andTheSameRows() {
        // given
        List<Envelope> events = SmokeChain.events(CHAIN);
        MigratedSchema other = MigratedSchema.create();
        try (other) {
            // when
            new JdbiProjection(db.jdbi, JdbiProjection.LIVE, 0, false).apply(Batch.of(events));
            new JdbiProjection(other.jdbi).apply(Batch.of(events));

            // then
            assertThat(count("change")).isZero();
            assertThat(count("change_key")).isZero();
            assertThat(new JdbiReadModelExport(db.jdbi).snapshot(CHAIN))
                    .isEqualTo(new JdbiReadModelExport(other.jdbi).snapshot(CHAIN));
            assertThat(new JdbiStorageQueries(other.jdbi).changes(CHAIN,
                    io.storagehub.schema.readmodel.ChangeFilter.NONE, Position.ORIGIN, 100)).hasSize(events.size());
        }
    }

    @Test
    void hookWrites_commitWithTheBatch() {
        // given
        Batch batch = new Batch(SmokeChain.events(CHAIN), Optional.of(new SourceOffset(TOPIC, 0, 7)));

        // when
        projection.apply(batch, (handle, result) -> handle.createUpdate("INSERT INTO dead_letter (topic, partition, "
                        + "record_offset, reason_kind, reason) VALUES (:topic, 0, 3, 'TEST', :applied)")
                .bind("topic", TOPIC)
                .bind("applied", "applied " + result.counts().get(Outcome.Kind.APPLIED))
                .execute());

        // then
        String reason = db.jdbi.withHandle(h -> h.createQuery("SELECT reason FROM dead_letter")
                .mapTo(String.class).one());
        assertThat(reason).isEqualTo("applied 7");
        assertThat(projection.checkpoint(TOPIC, 0)).contains(new SourceOffset(TOPIC, 0, 7));
    }

    @Test
    void concurrentBatchesOfOneChain_serialize_andTheSecondSeesTheFirst() throws Exception {
        // given
        List<Envelope> events = SmokeChain.events(CHAIN);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<BatchResult> first = threads.submit(() -> projection.apply(Batch.of(events.subList(0, 3)),
                    (handle, result) -> {
                        firstHoldsTheLock.countDown();
                        await(releaseFirst);
                    }));
            assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();

            // when
            Future<BatchResult> second = threads.submit(() -> projection.apply(Batch.of(events.subList(2, 4))));
            Wait.until(Duration.ofSeconds(30), "the second batch waits for the chain lock", () -> waitingOnLock() > 0);
            assertThat(second.isDone()).isFalse();
            releaseFirst.countDown();

            // then
            assertThat(first.get(30, TimeUnit.SECONDS).counts()).containsEntry(Outcome.Kind.APPLIED, 3);
            assertThat(second.get(30, TimeUnit.SECONDS).outcomes()).extracting(Outcome::kind)
                    .containsExactly(Outcome.Kind.SKIPPED_DUPLICATE, Outcome.Kind.APPLIED);
            assertThat(projection.chainPositions()).containsEntry(CHAIN, new Position(3, 0));
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void committedBatches_notifyListeners_withTheirChains_andRolledBackOnesDoNot() throws Exception {
        try (Connection listener = db.schema.dataSource().getConnection()) {
            // given
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + JdbiProjection.INDEXED_CHANNEL);
            }

            // when
            assertThatThrownBy(() -> projection.apply(Batch.of(List.of(SmokeChain.mspSignUp("rolled-back"))),
                    (handle, result) -> {
                        throw new IllegalStateException("fail");
                    }));
            projection.apply(Batch.of(List.of(SmokeChain.mspSignUp("alpha"), SmokeChain.mspSignUp("beta"))));

            // then
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(30_000);
            assertThat(received).isNotNull();
            assertThat(Arrays.stream(received).map(PGNotification::getParameter))
                    .containsExactlyInAnyOrder("alpha", "beta");
            assertThat(Arrays.stream(received).map(PGNotification::getName))
                    .containsOnly(JdbiProjection.INDEXED_CHANNEL);
        }
    }

    @Test
    void chainPositions_ofSeveralChains_areKeptApart() {
        // when
        projection.apply(Batch.of(List.of(SmokeChain.mspSignUp("alpha"),
                TestEvents.at("beta", 9, 3, SmokeChain.mspSignUp("beta").event()))));

        // then
        assertThat(projection.chainPositions())
                .containsExactly(Map.entry("alpha", new Position(1, 0)), Map.entry("beta", new Position(9, 3)));
        assertThat(new JdbiStorageQueries(db.jdbi).msp("beta", ProviderId.of(Ids.hex32(100)))).isPresent();
    }

    private int waitingOnLock() {
        return db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND query LIKE '%chain_position%'")
                .mapTo(Integer.class).one());
    }

    private long count(String table) {
        return db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
