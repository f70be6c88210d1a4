package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.Outcome;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.FolderView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.ValuePropView;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A small chain applied through {@link JdbiProjection} and read back through {@link JdbiStorageQueries}. */
class JdbiProjectionQueriesIT {
    private static final String CHAIN = "smoke";
    private static final PageRequest FIRST = PageRequest.first(PageRequest.DEFAULT_LIMIT);

    private MigratedSchema db;
    private JdbiStorageQueries queries;

    @BeforeEach
    void setUp() {
        db = MigratedSchema.create();
        queries = new JdbiStorageQueries(db.jdbi);
        // given
        assertThat(new JdbiProjection(db.jdbi).apply(Batch.of(SmokeChain.events(CHAIN))).counts())
                .containsEntry(Outcome.Kind.APPLIED, 7);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void chains_reportTheLastIndexedPosition() {
        List<ChainView> chains = queries.chains();

        assertThat(chains).singleElement().satisfies(c -> {
            assertThat(c.chain()).isEqualTo(CHAIN);
            assertThat(c.lastIndexedBlock()).isEqualTo(4);
            assertThat(c.lastPosition()).isEqualTo(new Position(4, 1));
            assertThat(c.updatedAt()).isNotNull();
        });
        assertThat(queries.chain(CHAIN)).contains(chains.get(0));
        assertThat(queries.chain("unknown")).isEmpty();
    }

    @Test
    void msp_countsItsBucketAndConfirmedBytes_withItsValueProposition() {
        MspDetail detail = queries.msp(CHAIN, SmokeChain.MSP).orElseThrow();

        assertThat(detail.msp().usedCapacity()).isEqualTo(BigInteger.valueOf(SmokeChain.SIZE));
        assertThat(detail.msp().bucketCount()).isEqualTo(1);
        assertThat(detail.msp().multiaddresses()).containsExactly("/ip4/127.0.0.1/tcp/30333");
        assertThat(detail.msp().createdAt()).isEqualTo(new Position(1, 0));
        assertThat(detail.valueProps()).containsExactly(new ValuePropView(SmokeChain.VALUE_PROP, Balance.of(5),
                Bytes.of("0x01"), BigInteger.valueOf(1_000_000), true, new Position(1, 0), new Position(1, 0)));
        assertThat(queries.msps(CHAIN, FIRST).items()).containsExactly(detail.msp());
        assertThat(queries.mspBuckets(CHAIN, SmokeChain.MSP, FIRST).items()).extracting(BucketView::bucketId)
                .containsExactly(SmokeChain.BUCKET);
    }

    @Test
    void bsp_storesTheConfirmedFile() {
        BspView bsp = queries.bsp(CHAIN, SmokeChain.BSP).orElseThrow();

        assertThat(bsp.fileCount()).isEqualTo(1);
        assertThat(bsp.usedCapacity()).isEqualTo(BigInteger.valueOf(SmokeChain.SIZE));
        assertThat(bsp.root().hex()).isEqualTo(Ids.hex32(301));
        assertThat(bsp.updatedAt()).isEqualTo(new Position(4, 0));
        assertThat(queries.bsps(CHAIN, FIRST).items()).containsExactly(bsp);
        assertThat(queries.bspFiles(CHAIN, SmokeChain.BSP, FIRST).items()).extracting(FileView::fileKey)
                .containsExactly(SmokeChain.FILE);
    }

    @Test
    void file_isStoredAndFullyReplicated_withItsBucketsMspAndBsp() {
        FileView file = queries.file(CHAIN, SmokeChain.FILE).orElseThrow();

        assertThat(file.status()).isEqualTo("stored");
        assertThat(file.mspConfirmed()).isTrue();
        assertThat(file.mspId()).isEqualTo(SmokeChain.MSP);
        assertThat(file.bsps()).containsExactly(SmokeChain.BSP);
        assertThat(file.replicas()).isEqualTo(1);
        assertThat(file.fullyReplicated()).isTrue();
        assertThat(file.location()).isEqualTo(SmokeChain.LOCATION);
        assertThat(file.owner()).isEqualTo(SmokeChain.USER);
        assertThat(file.createdAt()).isEqualTo(new Position(3, 0));
        assertThat(file.updatedAt()).isEqualTo(new Position(4, 1));
        assertThat(queries.accountFiles(CHAIN, SmokeChain.USER, FIRST).items()).containsExactly(file);
        assertThat(queries.bucketFiles(CHAIN, SmokeChain.BUCKET, "cats/", false, FIRST).items())
                .containsExactly(file);
        assertThat(queries.bucketFiles(CHAIN, SmokeChain.BUCKET, "dogs/", false, FIRST).items()).isEmpty();
        assertThat(queries.bucketFiles(CHAIN, SmokeChain.BUCKET, "", true, FIRST).items()).isEmpty();
    }

    @Test
    void bucket_andTree_countTheFile() {
        BucketView bucket = queries.bucket(CHAIN, SmokeChain.BUCKET).orElseThrow();
        FolderListing root = queries.tree(CHAIN, SmokeChain.BUCKET, "", FIRST);
        FolderListing cats = queries.tree(CHAIN, SmokeChain.BUCKET, "cats/", FIRST);

        assertThat(bucket.fileCount()).isEqualTo(1);
        assertThat(bucket.totalSize()).isEqualTo(BigInteger.valueOf(SmokeChain.SIZE));
        assertThat(bucket.mspId()).isEqualTo(SmokeChain.MSP);
        assertThat(bucket.collectionId()).isNull();
        assertThat(queries.accountBuckets(CHAIN, SmokeChain.USER, FIRST).items()).containsExactly(bucket);
        assertThat(root.folders()).containsExactly(new FolderView("cats", "cats/", 1,
                BigInteger.valueOf(SmokeChain.SIZE)));
        assertThat(root.files()).isEmpty();
        assertThat(cats.folders()).isEmpty();
        assertThat(cats.files()).extracting(FileView::fileKey).containsExactly(SmokeChain.FILE);
        assertThat(cats.nextKey()).isEmpty();
    }
}
