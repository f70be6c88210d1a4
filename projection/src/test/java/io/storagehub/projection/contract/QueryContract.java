package io.storagehub.projection.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.FolderView;
import io.storagehub.schema.readmodel.Ownership;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Location;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Read queries: keyset pages, prefixes, the folder tree and the repair list. The suite every adapter runs. */
public abstract class QueryContract extends IdempotencyContract {

    private static final List<String> LOCATIONS = List.of("a.txt", "docs/b.txt", "docs/c.txt", "docs/deep/d.txt",
            "docs%/e.txt", "docs_x/f.txt", "z\u00e9/g.txt", "\u4e2d/h.txt", "docs/c.txt");

    private void givenFiles() {
        givenProvidersAndBucket();
        for (int i = 0; i < LOCATIONS.size(); i++) {
            apply(chain.newStorageRequest(i + 1, 1, 1, LOCATIONS.get(i), 10L * (i + 1)));
        }
    }

    private static <T> List<T> walk(Function<PageRequest, Page<T>> query, int limit) {
        List<T> all = new ArrayList<>();
        Optional<SortKey> after = Optional.empty();
        for (int guard = 0; guard < 1000; guard++) {
            Page<T> page = query.apply(new PageRequest(limit, after));
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            all.addAll(page.items());
            if (page.nextKey().isEmpty()) {
                return all;
            }
            after = page.nextKey();
        }
        throw new AssertionError("pagination did not end");
    }

    @Test
    void bucketFiles_walkAllPagesInLocationOrder_withoutLossOrRepeat() {
        givenFiles();

        List<FileView> walked = walk(p -> queries().bucketFiles(CHAIN, bucket(1), "", false, p), 2);

        assertThat(walked).hasSize(LOCATIONS.size());
        assertThat(walked).extracting(FileView::fileKey).doesNotHaveDuplicates();
        assertThat(walked).extracting(f -> f.location().path()).isSortedAccordingTo(
                io.storagehub.schema.value.Utf8Order::compare);
        assertThat(walked).isEqualTo(queries().bucketFiles(CHAIN, bucket(1), "", false, PageRequest.first(1000))
                .items());
    }

    @Test
    void bucketFiles_prefixIsLiteral_notAPattern() {
        givenFiles();

        List<String> docs = queries().bucketFiles(CHAIN, bucket(1), "docs/", false, PageRequest.first(100))
                .items().stream().map(f -> f.location().path()).toList();
        List<String> percent = queries().bucketFiles(CHAIN, bucket(1), "docs%", false, PageRequest.first(100))
                .items().stream().map(f -> f.location().path()).toList();

        assertThat(docs).containsExactly("docs/b.txt", "docs/c.txt", "docs/c.txt", "docs/deep/d.txt");
        assertThat(percent).containsExactly("docs%/e.txt");
    }

    @Test
    void tree_listsDirectFilesAndSubFoldersWithTotals() {
        givenFiles();

        FolderListing root = queries().tree(CHAIN, bucket(1), "", PageRequest.first(100));
        FolderListing docs = queries().tree(CHAIN, bucket(1), "docs/", PageRequest.first(1));

        assertThat(root.files()).extracting(f -> f.location().path()).containsExactly("a.txt");
        assertThat(root.folders()).extracting(FolderView::name)
                .containsExactly("docs", "docs%", "docs_x", "z\u00e9", "\u4e2d");
        assertThat(root.folders().get(0)).isEqualTo(new FolderView("docs", "docs/", 4, BigInteger.valueOf(
                20 + 30 + 40 + 90)));
        assertThat(docs.folders()).containsExactly(new FolderView("deep", "docs/deep/", 1, BigInteger.valueOf(40)));
        assertThat(docs.files()).hasSize(1);
        assertThat(docs.nextKey()).isPresent();
        FolderListing docsPage2 = queries().tree(CHAIN, bucket(1), "docs/", new PageRequest(100, docs.nextKey()));
        assertThat(docsPage2.files()).extracting(f -> f.location().path()).containsExactly("docs/c.txt",
                "docs/c.txt");
        assertThat(docsPage2.nextKey()).isEmpty();
    }

    @Test
    void underReplicated_listsStoredFilesWithTooFewReplicas() {
        givenFiles();
        apply(chain.bspConfirmed(2, 1, 2), chain.bspConfirmed(3, 1), chain.fulfilled(1), chain.fulfilled(2),
                chain.fulfilled(3));

        List<FileKey> repair = queries().bucketFiles(CHAIN, bucket(1), "", true, PageRequest.first(100)).items()
                .stream().map(FileView::fileKey).toList();

        assertThat(repair).containsExactlyInAnyOrder(file(2), file(3));
    }

    @Test
    void accountAndBspLists_pageByKey() {
        givenFiles();
        apply(chain.bspConfirmed(2, 1, 2, 3, 4, 5));
        for (int b = 2; b <= 6; b++) {
            apply(chain.newBucket(b, 1, 1, 1));
        }

        List<FileView> accountFiles = walk(p -> queries().accountFiles(CHAIN, account(1), p), 3);
        List<FileView> bspFiles = walk(p -> queries().bspFiles(CHAIN, provider(2), p), 2);
        var buckets = walk(p -> queries().accountBuckets(CHAIN, account(1), p), 4);
        var mspBuckets = walk(p -> queries().mspBuckets(CHAIN, provider(1), p), 5);

        assertThat(accountFiles).extracting(FileView::fileKey).isSorted().hasSize(LOCATIONS.size());
        assertThat(bspFiles).extracting(FileView::fileKey).containsExactly(file(1), file(2), file(3), file(4),
                file(5));
        assertThat(buckets).hasSize(6);
        assertThat(mspBuckets).isEqualTo(buckets);
        assertThat(walk(p -> queries().msps(CHAIN, p), 1)).hasSize(1);
        assertThat(walk(p -> queries().bsps(CHAIN, p), 1)).extracting(b -> b.bspId())
                .containsExactly(provider(2), provider(3));
    }

    @Test
    void lookups_returnDeletedEntities_andNothingForUnknownOnes() {
        givenFiles();
        apply(chain.next(new io.storagehub.schema.event.FileSystemEvent.FileDeleted(file(1), bucket(1))));

        assertThat(queries().file(CHAIN, file(1))).hasValueSatisfying(
                f -> assertThat(f.status()).isEqualTo("deleted"));
        assertThat(queries().file(CHAIN, file(99))).isEmpty();
        assertThat(queries().file("no-such-chain", file(1))).isEmpty();
        assertThat(queries().chain("no-such-chain")).isEmpty();
        assertThat(queries().bucketFiles(CHAIN, bucket(1), "", false, PageRequest.first(100)).items())
                .extracting(FileView::location).doesNotContain(Location.of("a.txt"));
    }

    @Test
    void owners_ofManyFilesAndBuckets_deletedOnesIncluded_unknownOnesAbsent() {
        givenFiles();
        apply(chain.newBucket(2, 2, 1, 1));
        apply(chain.newStorageRequest(20, 2, 2, "x.txt", 5));
        apply(chain.next(new io.storagehub.schema.event.FileSystemEvent.FileDeleted(file(1), bucket(1))));

        assertThat(queries().fileOwners(CHAIN, List.of(file(1), file(20), file(99)))).containsOnly(
                entry(file(1), new Ownership(account(1), bucket(1))),
                entry(file(20), new Ownership(account(2), bucket(2))));
        assertThat(queries().bucketOwners(CHAIN, List.of(bucket(1), bucket(2), bucket(99)))).containsOnly(
                entry(bucket(1), new Ownership(account(1), bucket(1))),
                entry(bucket(2), new Ownership(account(2), bucket(2))));
        assertThat(queries().fileOwners(CHAIN, List.of())).isEmpty();
        assertThat(queries().bucketOwners(CHAIN, List.of())).isEmpty();
        assertThat(queries().fileOwners("no-such-chain", List.of(file(1)))).isEmpty();
        assertThat(queries().bucketOwners("no-such-chain", List.of(bucket(1)))).isEmpty();
    }
}
