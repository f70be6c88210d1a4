package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.FileStatus;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.FolderView;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list semantics (filters, byte order, keyset pages) over rows written directly. */
class JdbiStorageQueriesIT {
    private static final String CHAIN = "queries";
    private static final PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    private MigratedSchema db;
    private JdbiStorageQueries queries;
    private Rows rows;
    private BucketRow bucket;

    @BeforeEach
    void setUp() {
        db = MigratedSchema.create();
        queries = new JdbiStorageQueries(db.jdbi);
        rows = new Rows(CHAIN);
        bucket = rows.bucket(1, 1, null);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void bucketFiles_orderByUtf8Bytes_andTreatPercentAndUnderscoreLiterally() {
        // given
        List<String> all = List.of("a%b/1", "a_b/2", "axb/3", "a%/4", "A/5", "é/6", "z/7", "😀/8", "\uFFFD/9");
        for (int i = 0; i < all.size(); i++) {
            rows.file(10 + i, bucket, all.get(i), 1);
        }
        write();

        // then
        assertThat(locations("", ALL)).containsExactly("A/5", "a%/4", "a%b/1", "a_b/2", "axb/3", "z/7", "é/6",
                "\uFFFD/9", "😀/8");
        assertThat(locations("a%", ALL)).containsExactly("a%/4", "a%b/1");
        assertThat(locations("a_", ALL)).containsExactly("a_b/2");
        assertThat(locations("é", ALL)).containsExactly("é/6");
        assertThat(locations("😀/", ALL)).containsExactly("😀/8");
    }

    @Test
    void pages_resumeStrictlyAfterTheKey_andTheLastPageHasNoNextKey() {
        // given
        for (int i = 0; i < 4; i++) {
            rows.file(100 + i, bucket, "d/" + i, 1);
        }
        rows.file(200, bucket, "d/1", 1);
        write();

        // when
        Page<FileView> first = queries.bucketFiles(CHAIN, id(bucket), "d/", false, PageRequest.first(2));
        Page<FileView> second = queries.bucketFiles(CHAIN, id(bucket), "d/", false,
                new PageRequest(2, first.nextKey()));
        Page<FileView> third = queries.bucketFiles(CHAIN, id(bucket), "d/", false,
                new PageRequest(2, second.nextKey()));

        // then
        assertThat(first.items()).extracting(f -> f.location().path()).containsExactly("d/0", "d/1");
        assertThat(first.nextKey()).contains(SortKey.of("d/1", Ids.hex32(101)));
        assertThat(second.items()).extracting(f -> f.location().path() + "@" + f.fileKey().hex())
                .containsExactly("d/1@" + Ids.hex32(200), "d/2@" + Ids.hex32(102));
        assertThat(third.items()).extracting(f -> f.location().path()).containsExactly("d/3");
        assertThat(third.nextKey()).isEmpty();
        assertThat(queries.bucketFiles(CHAIN, id(bucket), "", false, PageRequest.first(5)).nextKey()).isEmpty();
    }

    @Test
    void lists_hideDeletedFilesAndBuckets_butDirectLookupsReturnThem() {
        // given
        rows.msp(7);
        BucketRow gone = rows.bucket(2, 1, 7L);
        gone.deleted = true;
        BucketRow kept = rows.bucket(3, 1, 7L);
        FileRow deleted = rows.file(10, bucket, "x/deleted", 1);
        deleted.status = FileStatus.DELETED;
        FileRow expired = rows.file(11, bucket, "x/expired", 1);
        expired.status = FileStatus.EXPIRED;
        write();
        AccountId owner = AccountId.of(bucket.owner);

        // then
        assertThat(queries.accountBuckets(CHAIN, owner, ALL).items()).extracting(b -> b.bucketId().hex())
                .containsExactly(bucket.bucketId, kept.bucketId);
        assertThat(queries.mspBuckets(CHAIN, ProviderId.of(Ids.hex32(7)), ALL).items())
                .extracting(b -> b.bucketId().hex()).containsExactly(kept.bucketId);
        assertThat(queries.bucket(CHAIN, id(gone))).map(BucketView::deleted).contains(true);
        assertThat(queries.accountFiles(CHAIN, owner, ALL).items()).extracting(f -> f.fileKey().hex())
                .containsExactly(expired.fileKey);
        assertThat(locations("", ALL)).containsExactly("x/expired");
        assertThat(queries.tree(CHAIN, id(bucket), "x/", ALL).files()).hasSize(1);
        assertThat(queries.file(CHAIN, FileKey.of(deleted.fileKey))).map(FileView::status).contains("deleted");
    }

    @Test
    void underReplicated_listsOnlyStoredFilesShortOfReplicas() {
        // given
        BspRow bsp = rows.bsp(5);
        FileRow shortOfOne = rows.file(10, bucket, "f/short", 1);
        shortOfOne.bspsRequired = 2;
        rows.stores(bsp, shortOfOne);
        FileRow complete = rows.file(11, bucket, "f/complete", 1);
        rows.stores(bsp, complete);
        FileRow pending = rows.file(12, bucket, "f/pending", 1);
        pending.status = FileStatus.REQUESTED;
        write();

        // when
        Page<FileView> repair = queries.bucketFiles(CHAIN, id(bucket), "", true, ALL);

        // then
        assertThat(repair.items()).singleElement().satisfies(f -> {
            assertThat(f.fileKey().hex()).isEqualTo(shortOfOne.fileKey);
            assertThat(f.bsps()).containsExactly(ProviderId.of(bsp.bspId));
            assertThat(f.fullyReplicated()).isFalse();
        });
        assertThat(queries.bspFiles(CHAIN, ProviderId.of(bsp.bspId), ALL).items()).extracting(f -> f.fileKey().hex())
                .containsExactly(shortOfOne.fileKey, complete.fileKey);
    }

    @Test
    void tree_listsSubFoldersWithCounts_andTheFilesDirectlyInTheFolder() {
        // given
        rows.file(10, bucket, "docs/a.txt", 1);
        rows.file(11, bucket, "docs/sub/b.txt", 10);
        rows.file(12, bucket, "docs/sub/c.txt", 5);
        rows.file(13, bucket, "docs/sub2/deep/d", 7);
        rows.file(14, bucket, "docs/sub-x/e", 2);
        rows.file(15, bucket, "top.txt", 3);
        rows.file(16, bucket, "docs/sub/gone", 100).status = FileStatus.DELETED;
        rows.file(17, bucket, "dòcs/f", 4);
        write();

        // when
        FolderListing root = queries.tree(CHAIN, id(bucket), "", ALL);
        FolderListing docs = queries.tree(CHAIN, id(bucket), "docs/", ALL);

        // then
        assertThat(root.folders()).containsExactly(folder("docs", "docs/", 5, 25), folder("dòcs", "dòcs/", 1, 4));
        assertThat(root.files()).extracting(f -> f.location().path()).containsExactly("top.txt");
        assertThat(docs.path()).isEqualTo("docs/");
        assertThat(docs.folders()).containsExactly(folder("sub", "docs/sub/", 2, 15),
                folder("sub-x", "docs/sub-x/", 1, 2), folder("sub2", "docs/sub2/", 1, 7));
        assertThat(docs.files()).extracting(f -> f.location().path()).containsExactly("docs/a.txt");
        assertThat(queries.tree(CHAIN, id(bucket), "nothing/", ALL).folders()).isEmpty();
        assertThatThrownBy(() -> queries.tree(CHAIN, id(bucket), "docs", ALL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tree_pagesTheFilesOfAFolder() {
        // given
        for (int i = 0; i < 3; i++) {
            rows.file(10 + i, bucket, "p/" + i, 1);
        }
        rows.file(20, bucket, "p/q/inner", 1);
        write();

        // when
        FolderListing first = queries.tree(CHAIN, id(bucket), "p/", PageRequest.first(2));
        FolderListing rest = queries.tree(CHAIN, id(bucket), "p/", new PageRequest(2, first.nextKey()));

        // then
        assertThat(first.files()).extracting(f -> f.location().path()).containsExactly("p/0", "p/1");
        assertThat(first.nextKey()).contains(SortKey.of("p/1", Ids.hex32(11)));
        assertThat(rest.files()).extracting(f -> f.location().path()).containsExactly("p/2");
        assertThat(rest.nextKey()).isEmpty();
        assertThat(rest.folders()).containsExactly(folder("q", "p/q/", 1, 1));
    }

    @Test
    void providersAndStreams_areListedInIdOrder_withNullableFields() {
        // given
        for (long id : new long[] {30, 10, 20}) {
            rows.msp(id);
        }
        StreamRow fixed = rows.stream(1, 20, StreamRow.FIXED);
        rows.stream(1, 10, StreamRow.DYNAMIC).lastTickCharged = 9L;
        rows.stream(2, 10, StreamRow.FIXED);
        write();

        // when
        Page<MspView> firstTwo = queries.msps(CHAIN, PageRequest.first(2));
        Page<MspView> last = queries.msps(CHAIN, new PageRequest(2, firstTwo.nextKey()));
        List<PaymentStreamView> ofUser = queries.accountPaymentStreams(CHAIN, AccountId.of(Ids.account(1)), ALL)
                .items();
        List<PaymentStreamView> ofProvider = queries.providerPaymentStreams(CHAIN, ProviderId.of(Ids.hex32(10)), ALL)
                .items();

        // then
        assertThat(firstTwo.items()).extracting(m -> m.mspId().hex()).containsExactly(Ids.hex32(10), Ids.hex32(20));
        assertThat(last.items()).extracting(m -> m.mspId().hex()).containsExactly(Ids.hex32(30));
        assertThat(last.nextKey()).isEmpty();
        assertThat(ofUser).extracting(s -> s.providerId().hex()).containsExactly(Ids.hex32(10), Ids.hex32(20));
        assertThat(ofUser.get(0).rate()).isNull();
        assertThat(ofUser.get(0).amountProvided()).isEqualTo(BigInteger.TEN);
        assertThat(ofUser.get(0).lastTickCharged()).isEqualTo(9L);
        assertThat(ofUser.get(1).rate().value()).isEqualTo(fixed.rate);
        assertThat(ofUser.get(1).amountProvided()).isNull();
        assertThat(ofUser.get(1).lastTickCharged()).isNull();
        assertThat(ofProvider).extracting(s -> s.userAccount().hex()).containsExactly(Ids.account(1), Ids.account(2));
    }

    @Test
    void lookups_ofUnknownIds_areEmpty() {
        write();

        assertThat(queries.msp(CHAIN, ProviderId.of(Ids.hex32(1)))).isEmpty();
        assertThat(queries.bsp(CHAIN, ProviderId.of(Ids.hex32(1)))).isEmpty();
        assertThat(queries.file(CHAIN, FileKey.of(Ids.hex32(1)))).isEmpty();
        assertThat(queries.bucket("other", id(bucket))).isEmpty();
        assertThat(queries.bucket(CHAIN, id(bucket))).map(b -> b.mspId()).isEqualTo(Optional.empty());
    }

    private List<String> locations(String prefix, PageRequest page) {
        return queries.bucketFiles(CHAIN, id(bucket), prefix, false, page).items().stream()
                .map(FileView::location).map(Location::path).toList();
    }

    private static FolderView folder(String name, String path, long count, long size) {
        return new FolderView(name, path, count, BigInteger.valueOf(size));
    }

    private static BucketId id(BucketRow row) {
        return BucketId.of(row.bucketId);
    }

    private void write() {
        db.jdbi.useTransaction(h -> new JdbiStateWriter(h, "live").write(List.of(rows.changes()), Optional.empty()));
    }
}
