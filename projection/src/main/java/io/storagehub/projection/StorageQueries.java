package io.storagehub.projection;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.Ownership;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the read model, exactly the questions the query API asks. Lists are keyset-paginated; each
 * method documents its sort key (the parts of {@link io.storagehub.schema.readmodel.SortKey}). Deleted buckets
 * and files are hidden from lists; direct lookups return them.
 */
public interface StorageQueries {

    /** Every chain with at least one applied event, ordered by name. */
    List<ChainView> chains();

    Optional<ChainView> chain(String chain);

    /** Sort key: {@code [mspId]}. */
    Page<MspView> msps(String chain, PageRequest page);

    Optional<MspDetail> msp(String chain, ProviderId mspId);

    /** The MSP's current, not deleted buckets. Sort key: {@code [bucketId]}. */
    Page<BucketView> mspBuckets(String chain, ProviderId mspId, PageRequest page);

    /** Sort key: {@code [bspId]}. */
    Page<BspView> bsps(String chain, PageRequest page);

    Optional<BspView> bsp(String chain, ProviderId bspId);

    /** The not deleted files the BSP currently stores. Sort key: {@code [fileKey]}. */
    Page<FileView> bspFiles(String chain, ProviderId bspId, PageRequest page);

    Optional<BucketView> bucket(String chain, BucketId bucketId);

    /**
     * The bucket's not deleted files whose location starts with {@code prefix} (all when empty); with
     * {@code underReplicated}, only those with status {@code stored} and {@code replicas < bspsRequired}.
     * Sort key: {@code [location, fileKey]}, locations in UTF-8 byte order.
     */
    Page<FileView> bucketFiles(String chain, BucketId bucketId, String prefix, boolean underReplicated,
                               PageRequest page);

    /**
     * The direct children of folder {@code path} ("" for the root, else ending in {@code /}): sub-folders and a
     * page of files (sort key {@code [location, fileKey]}).
     */
    FolderListing tree(String chain, BucketId bucketId, String path, PageRequest page);

    Optional<FileView> file(String chain, FileKey fileKey);

    /**
     * The {@link Ownership} of each of {@code files} the chain has, deleted ones too (as {@link #file} finds them),
     * read at once; files the chain never had are absent.
     */
    Map<FileKey, Ownership> fileOwners(String chain, Collection<FileKey> files);

    /**
     * The {@link Ownership} of each of {@code buckets} the chain has, deleted ones too (as {@link #bucket} finds
     * them), read at once; buckets the chain never had are absent.
     */
    Map<BucketId, Ownership> bucketOwners(String chain, Collection<BucketId> buckets);

    /** Sort key: {@code [bucketId]}. */
    Page<BucketView> accountBuckets(String chain, AccountId account, PageRequest page);

    /** Sort key: {@code [fileKey]}. */
    Page<FileView> accountFiles(String chain, AccountId account, PageRequest page);

    /** Sort key: {@code [providerId]}. */
    Page<PaymentStreamView> accountPaymentStreams(String chain, AccountId account, PageRequest page);

    /** Sort key: {@code [userAccount]}. */
    Page<PaymentStreamView> providerPaymentStreams(String chain, ProviderId providerId, PageRequest page);

    /**
     * The changes that touched one entity row ({@link EntityKind#MSP}, {@link EntityKind#BSP},
     * {@link EntityKind#BUCKET} or {@link EntityKind#FILE}; a bucket's history holds the changes of the bucket row,
     * not of its files' rows), newest first for {@link HistoryOrder#DESC}. Sort key: {@code [block, index]}.
     * Empty when the entity does not exist, so that the API answers {@code 404} as for its lookup.
     */
    Optional<Page<ChangeView>> history(String chain, EntityKind kind, String id, HistoryOrder order,
                                       PageRequest page);

    /**
     * At most {@code limit} (1..{@link PageRequest#MAX_LIMIT}) of the chain's changes strictly after {@code after}
     * ({@link Position#ORIGIN} for the first) that pass {@code filter}, in position order.
     */
    List<ChangeView> changes(String chain, ChangeFilter filter, Position after, int limit);
}
