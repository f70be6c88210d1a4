package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.FileStatus;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.ProviderStatus;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import java.time.Instant;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the writer stores, the loader reads back: every column, at the edges of its type. */
class JdbiStateRoundTripIT {
    private static final String CHAIN = "roundtrip";
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger BEYOND_U128 = BigInteger.ONE.shiftLeft(140).add(BigInteger.TWO);
    private static final Position CREATED = new Position(4_294_967_295L, 4_294_967_294L);
    private static final Position UPDATED = new Position(4_294_967_295L, 4_294_967_295L);

    private MigratedSchema db;

    @BeforeEach
    void setUp() {
        db = MigratedSchema.create();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void providers_roundTrip_withU64AndU128Extremes_andAwkwardMultiaddresses() {
        // given
        Rows rows = new Rows(CHAIN);
        MspRow msp = rows.msp(1);
        msp.capacity = U64_MAX;
        msp.usedCapacity = BEYOND_U128;
        msp.multiaddresses = new ArrayList<>(List.of("/ip4/127.0.0.1/tcp/1", "quote\" back\\slash, {brace}", "",
                "NULL", "ünïcødé 😀"));
        msp.status = ProviderStatus.SIGNED_OFF;
        msp.slashedTotal = U128_MAX;
        msp.signedUpAt = 4_294_967_295L;
        msp.bucketCount = Long.MAX_VALUE;
        msp.created = CREATED;
        msp.updated = UPDATED;
        BspRow bsp = rows.bsp(2);
        bsp.capacity = U64_MAX;
        bsp.usedCapacity = U64_MAX.add(BigInteger.ONE);
        bsp.multiaddresses = new ArrayList<>();
        bsp.slashedTotal = BEYOND_U128;
        bsp.fileCount = 3;
        bsp.created = CREATED;
        ValuePropRow vp = new ValuePropRow();
        vp.chain = CHAIN;
        vp.mspId = msp.mspId;
        vp.valuePropId = Ids.hex32(9);
        vp.pricePerGigaUnitOfDataPerBlock = U128_MAX;
        vp.commitment = "0x";
        vp.bucketDataLimit = U64_MAX;
        vp.available = false;
        vp.created = CREATED;
        vp.updated = UPDATED;
        rows.valueProps.add(vp);
        ValuePropRow.Key absent = new ValuePropRow.Key(msp.mspId, Ids.hex32(10));

        // when
        write(rows.changes());

        // then
        load(loader -> {
            assertThat(loader.msps(CHAIN, List.of(msp.mspId, Ids.hex32(99))))
                    .containsOnlyKeys(msp.mspId).extractingByKey(msp.mspId)
                    .usingRecursiveComparison().isEqualTo(msp);
            assertThat(loader.bsps(CHAIN, List.of(bsp.bspId))).extractingByKey(bsp.bspId)
                    .usingRecursiveComparison().isEqualTo(bsp);
            assertThat(loader.valueProps(CHAIN, List.of(vp.key(), absent)))
                    .containsOnlyKeys(vp.key()).extractingByKey(vp.key())
                    .usingRecursiveComparison().isEqualTo(vp);
            assertThat(loader.msps("other-chain", List.of(msp.mspId))).isEmpty();
        });
    }

    @Test
    void bucketsAndFiles_roundTrip_withNullsAndNonAsciiLocations() {
        // given
        Rows rows = new Rows(CHAIN);
        BucketRow bare = rows.bucket(1, 1, null);
        bare.name = "";
        BucketRow full = rows.bucket(2, 2, 7L);
        full.name = "名前 with 'quotes'";
        full.isPrivate = true;
        full.collectionId = Ids.hex32(77);
        full.valuePropId = Ids.hex32(78);
        full.fileCount = 2;
        full.totalSize = U64_MAX.multiply(BigInteger.TWO);
        full.mspConfirmedSize = U64_MAX;
        full.deleted = true;
        full.created = CREATED;
        full.updated = UPDATED;
        FileRow file = rows.file(10, full, "фото/日本/😀 file %_.txt", 0);
        file.size = U64_MAX;
        file.peerIds = new ArrayList<>(List.of("12D3KooW\"x", "b,c"));
        file.status = FileStatus.REJECTED;
        file.mspConfirmed = true;
        file.bspsRequired = 4_294_967_295L;
        file.replicas = 2;
        file.expiresAt = 4_294_967_295L;
        file.rejectReason = "too big — 大きすぎる";
        file.created = CREATED;
        file.updated = UPDATED;
        FileRow plain = rows.file(11, bare, "a", 1);

        // when
        write(rows.changes());

        // then
        load(loader -> {
            Map<String, BucketRow> buckets = loader.buckets(CHAIN, List.of(bare.bucketId, full.bucketId));
            assertThat(buckets.get(bare.bucketId)).usingRecursiveComparison().isEqualTo(bare);
            assertThat(buckets.get(full.bucketId)).usingRecursiveComparison().isEqualTo(full);
            Map<String, FileRow> files = loader.files(CHAIN, List.of(file.fileKey, plain.fileKey, Ids.hex32(12)));
            assertThat(files).containsOnlyKeys(file.fileKey, plain.fileKey);
            assertThat(files.get(file.fileKey)).usingRecursiveComparison().isEqualTo(file);
            assertThat(files.get(plain.fileKey)).usingRecursiveComparison().isEqualTo(plain);
            assertThat(plain.peerIds).isEmpty();
        });
    }

    @Test
    void streams_roundTrip_andDeletedStreamsDisappear() {
        // given
        Rows rows = new Rows(CHAIN);
        StreamRow fixed = rows.stream(1, 2, StreamRow.FIXED);
        fixed.rate = U128_MAX;
        fixed.totalCharged = BEYOND_U128;
        fixed.created = CREATED;
        fixed.updated = UPDATED;
        StreamRow dynamic = rows.stream(1, 3, StreamRow.DYNAMIC);
        dynamic.amountProvided = U64_MAX;
        dynamic.lastTickCharged = 4_294_967_295L;
        write(rows.changes());

        // when
        Rows deletion = new Rows(CHAIN);
        deletion.deletedStreams.add(fixed.key());
        write(deletion.changes());

        // then
        load(loader -> {
            Map<StreamRow.Key, StreamRow> loaded = loader.streams(CHAIN, List.of(fixed.key(), dynamic.key()));
            assertThat(loaded).containsOnlyKeys(dynamic.key());
            assertThat(loaded.get(dynamic.key())).usingRecursiveComparison().isEqualTo(dynamic);
            assertThat(fixed.lastTickCharged).isNull();
        });
    }

    @Test
    void associations_roundTrip_byFileAndByBsp_andRemovalsComeBeforeAdditions() {
        // given
        Rows rows = new Rows(CHAIN);
        BspRow bspA = rows.bsp(1);
        BspRow bspB = rows.bsp(2);
        BucketRow bucket = rows.bucket(3, 3, null);
        FileRow f1 = rows.file(10, bucket, "x/1", 5);
        FileRow f2 = rows.file(11, bucket, "x/2", 5);
        FileBspRow a1 = rows.stores(bspA, f1);
        FileBspRow b1 = rows.stores(bspB, f1);
        FileBspRow a2 = rows.stores(bspA, f2);
        write(rows.changes());
        Rows next = new Rows(CHAIN);
        FileBspRow a1Again = new FileBspRow(CHAIN, bspA.bspId, f1.fileKey, 8, new Position(8, 0));
        next.removed.add(a1);
        next.removed.add(b1);
        next.added.add(a1Again);

        // when
        write(next.changes());

        // then
        load(loader -> {
            assertThat(loader.associationsOfFiles(CHAIN, List.of(f1.fileKey, f2.fileKey)))
                    .containsExactlyInAnyOrder(a1Again, a2);
            assertThat(loader.associationsOfBsp(CHAIN, bspA.bspId)).containsExactlyInAnyOrder(a1Again, a2);
            assertThat(loader.associationsOfBsp(CHAIN, bspB.bspId)).isEmpty();
        });
    }

    @Test
    void digestsAndPosition_roundTrip_acrossBatchesSplittingABlock() {
        // given
        load(loader -> assertThat(loader.lockChain(CHAIN)).isEmpty());
        Position p1 = new Position(7, 0);
        Position p2 = new Position(7, 4_294_967_295L);
        Position p3 = new Position(8, 2);
        write(positions(p1, new Changes.Digest(p1, Long.MIN_VALUE)));

        // when
        write(positions(p3, new Changes.Digest(p2, -1L), new Changes.Digest(p3, 42L)));

        // then
        load(loader -> {
            assertThat(loader.lockChain(CHAIN)).contains(p3);
            assertThat(loader.digests(CHAIN, List.of(p1, p2, p3, new Position(7, 1), new Position(9, 0))))
                    .containsOnly(Map.entry(p1, Long.MIN_VALUE), Map.entry(p2, -1L), Map.entry(p3, 42L));
            assertThat(loader.digests("other", List.of(p1))).isEmpty();
        });
    }

    @Test
    void write_changesNothing_whenALaterStatementOfTheTransactionFails() {
        // given
        Rows rows = new Rows(CHAIN);
        MspRow msp = rows.msp(1);
        BucketRow bucket = rows.bucket(2, 2, null);
        rows.file(3, bucket, "x", 1).status = "lost";

        // when
        assertThatThrownBy(() -> write(rows.changes())).hasMessageContaining("file_status_check");

        // then
        load(loader -> {
            assertThat(loader.msps(CHAIN, List.of(msp.mspId))).isEmpty();
            assertThat(loader.buckets(CHAIN, List.of(bucket.bucketId))).isEmpty();
        });
    }

    @Test
    void write_sendsTheBatchsStatements_inOneRoundTrip_beforeTheCopyOfItsChanges() {
        // given: a batch that writes every table, deletes a stream and an association, and re-adds the association
        Rows rows = new Rows(CHAIN);
        rows.msp(1);
        BspRow bsp = rows.bsp(2);
        ValuePropRow valueProp = new ValuePropRow();
        valueProp.chain = CHAIN;
        valueProp.mspId = Ids.hex32(1);
        valueProp.valuePropId = Ids.hex32(7);
        valueProp.pricePerGigaUnitOfDataPerBlock = BigInteger.ONE;
        valueProp.commitment = "0x";
        valueProp.bucketDataLimit = BigInteger.TEN;
        valueProp.created = Rows.AT;
        valueProp.updated = Rows.AT;
        rows.valueProps.add(valueProp);
        BucketRow bucket = rows.bucket(3, 3, 1L);
        FileRow file = rows.file(4, bucket, "f", 10);
        FileBspRow stored = rows.stores(bsp, file);
        rows.removed.add(stored);
        rows.stream(3, 1, StreamRow.FIXED);
        rows.deletedStreams.add(new StreamRow.Key(Ids.account(5), Ids.hex32(1)));
        Position at = new Position(9, 0);
        RecordedChange change = new RecordedChange(new ChangeView(at, Ids.hex32(9), Instant.EPOCH, "FileSystem",
                "NewStorageRequest", "{}", List.of(new ChangedEntity(EntityKind.FILE, file.fileKey, List.of()))),
                List.of(RecordedChange.key(RecordedChange.FILE, file.fileKey)));
        Changes changes = new Changes(CHAIN, rows.msps, rows.bsps, rows.valueProps, rows.buckets, rows.files,
                rows.streams, rows.deletedStreams, rows.added, rows.removed, at, Instant.EPOCH,
                List.of(new Changes.Digest(at, 42)), List.of(change));
        StatementCounter counter = new StatementCounter(db.schema.dataSource());

        // when
        Databases.jdbi(counter.dataSource()).useTransaction(h -> new JdbiStateWriter(h, "live")
                .write(List.of(changes), Optional.of(new SourceOffset("events", 0, 10))));

        // then: one statement for all the writes (the COPYs of the change rows go by the driver's COPY API)
        assertThat(counter.prepared()).isEqualTo(1);
        load(loader -> {
            assertThat(loader.msps(CHAIN, List.of(Ids.hex32(1)))).hasSize(1);
            assertThat(loader.associationsOfFiles(CHAIN, List.of(file.fileKey))).containsExactly(stored);
        });
        long keyRows = db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM change_key").mapTo(Long.class).one());
        assertThat(keyRows).isEqualTo(1);
        assertThat(new JdbiProjection(db.jdbi).checkpoint("events", 0)).contains(new SourceOffset("events", 0, 10));
    }

    private static Changes positions(Position last, Changes.Digest... digests) {
        return new Changes(CHAIN, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), last, null, List.of(digests), List.of());
    }

    private void write(Changes changes) {
        db.jdbi.useTransaction(h -> new JdbiStateWriter(h, "live").write(List.of(changes), Optional.empty()));
    }

    private void load(Consumer<JdbiStateLoader> assertions) {
        db.jdbi.useTransaction(h -> assertions.accept(new JdbiStateLoader(h)));
    }
}
