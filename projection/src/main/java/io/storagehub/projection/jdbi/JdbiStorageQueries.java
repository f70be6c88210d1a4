package io.storagehub.projection.jdbi;

import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.state.ChangeKeys;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.FolderListing;
import io.storagehub.schema.readmodel.FolderView;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.MspView;
import io.storagehub.schema.readmodel.Ownership;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The read model's questions answered from Postgres: every list is one keyset index scan (ids and locations in
 * byte order), fetching one row more than the page to know whether another follows.
 */
public final class JdbiStorageQueries implements StorageQueries {
    private final Jdbi jdbi;

    public JdbiStorageQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<ChainView> chains() {
        return jdbi.withHandle(h -> h.createQuery(sql("chains")).map(ViewRows.CHAIN).list());
    }

    @Override
    public Optional<ChainView> chain(String chain) {
        return jdbi.withHandle(h -> h.createQuery(sql("chain")).bind("chain", chain).map(ViewRows.CHAIN).findOne());
    }

    @Override
    public Page<MspView> msps(String chain, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "msps", chain, page).bind("afterMspId", after.get(0))
                .map(ViewRows.MSP).list()), page, m -> SortKey.of(m.mspId().hex()));
    }

    @Override
    public Optional<MspDetail> msp(String chain, ProviderId mspId) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> h.createQuery(sql("msp"))
                .bind("chain", chain).bind("mspId", mspId.hex())
                .map(ViewRows.MSP).findOne()
                .map(msp -> new MspDetail(msp, h.createQuery(sql("valueProps"))
                        .bind("chain", chain).bind("mspId", mspId.hex())
                        .map(ViewRows.VALUE_PROP).list())));
    }

    @Override
    public Page<BucketView> mspBuckets(String chain, ProviderId mspId, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "mspBuckets", chain, page).bind("mspId", mspId.hex())
                .bind("afterBucketId", after.get(0)).map(ViewRows.BUCKET).list()), page, ViewRows::bucketKey);
    }

    @Override
    public Page<BspView> bsps(String chain, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "bsps", chain, page).bind("afterBspId", after.get(0))
                .map(ViewRows.BSP).list()), page, b -> SortKey.of(b.bspId().hex()));
    }

    @Override
    public Optional<BspView> bsp(String chain, ProviderId bspId) {
        return jdbi.withHandle(h -> h.createQuery(sql("bsp")).bind("chain", chain).bind("bspId", bspId.hex())
                .map(ViewRows.BSP).findOne());
    }

    @Override
    public Page<FileView> bspFiles(String chain, ProviderId bspId, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "bspFiles", chain, page).bind("bspId", bspId.hex())
                .bind("afterFileKey", after.get(0)).map(ViewRows.FILE).list()), page, ViewRows::fileKeyKey);
    }

    @Override
    public Optional<BucketView> bucket(String chain, BucketId bucketId) {
        return jdbi.withHandle(h -> h.createQuery(sql("bucket")).bind("chain", chain)
                .bind("bucketId", bucketId.hex()).map(ViewRows.BUCKET).findOne());
    }

    @Override
    public Page<FileView> bucketFiles(String chain, BucketId bucketId, String prefix, boolean underReplicated,
                                      PageRequest page) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (\"\" for all files)");
        }
        LocationRange range = LocationRange.of(prefix, Pages.after(page, 2));
        String query = underReplicated ? "bucketFilesUnderReplicated" : "bucketFiles";
        return Pages.of(list(h -> inRange(page(h, query, chain, page), bucketId, range).bind("prefix", prefix)
                .map(ViewRows.FILE).list()), page, ViewRows::locationKey);
    }

    @Override
    public FolderListing tree(String chain, BucketId bucketId, String path, PageRequest page) {
        if (path == null || !(path.isEmpty() || path.endsWith("/"))) {
            throw new IllegalArgumentException("path must be \"\" or end with '/', got '" + path + "'");
        }
        LocationRange range = LocationRange.of(path, Pages.after(page, 2));
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            List<FolderView> folders = h.createQuery(sql("treeFolders"))
                    .bind("chain", chain).bind("bucketId", bucketId.hex()).bind("path", path)
                    .bind("upperBound", range.upperBound()).bind("limit", PageRequest.MAX_LIMIT)
                    .map((rs, ctx) -> new FolderView(rs.getString("name"), path + rs.getString("name") + "/",
                            rs.getLong("file_count"), Numbers.integer(rs, "total_size")))
                    .list();
            Page<FileView> files = Pages.of(inRange(page(h, "treeFiles", chain, page), bucketId, range)
                    .bind("path", path).map(ViewRows.FILE).list(), page, ViewRows::locationKey);
            return new FolderListing(path, folders, files.items(), files.nextKey());
        });
    }

    @Override
    public Optional<FileView> file(String chain, FileKey fileKey) {
        return jdbi.withHandle(h -> h.createQuery(sql("file")).bind("chain", chain).bind("fileKey", fileKey.hex())
                .map(ViewRows.FILE).findOne());
    }

    @Override
    public Map<FileKey, Ownership> fileOwners(String chain, Collection<FileKey> files) {
        return owners("fileOwners", "file_key", chain, files.stream().map(FileKey::hex).toList(), FileKey::of);
    }

    @Override
    public Map<BucketId, Ownership> bucketOwners(String chain, Collection<BucketId> buckets) {
        return owners("bucketOwners", "bucket_id", chain, buckets.stream().map(BucketId::hex).toList(),
                BucketId::of);
    }

    /** The owners of {@code ids} read by query {@code name}, keyed by its column {@code idColumn}. */
    private <K> Map<K, Ownership> owners(String name, String idColumn, String chain, List<String> ids,
                                         Function<String, K> key) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery(sql(name)).bind("chain", chain)
                .bind("ids", ids.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(key.apply(rs.getString(idColumn)), ownership(rs)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static Ownership ownership(ResultSet rs) throws SQLException {
        return new Ownership(AccountId.of(rs.getString("owner")), BucketId.of(rs.getString("bucket_id")));
    }

    @Override
    public Page<BucketView> accountBuckets(String chain, AccountId account, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "accountBuckets", chain, page).bind("account", account.hex())
                .bind("afterBucketId", after.get(0)).map(ViewRows.BUCKET).list()), page, ViewRows::bucketKey);
    }

    @Override
    public Page<FileView> accountFiles(String chain, AccountId account, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "accountFiles", chain, page).bind("account", account.hex())
                .bind("afterFileKey", after.get(0)).map(ViewRows.FILE).list()), page, ViewRows::fileKeyKey);
    }

    @Override
    public Page<PaymentStreamView> accountPaymentStreams(String chain, AccountId account, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "accountPaymentStreams", chain, page).bind("account", account.hex())
                        .bind("afterProviderId", after.get(0)).map(ViewRows.STREAM).list()), page,
                s -> SortKey.of(s.providerId().hex()));
    }

    @Override
    public Page<PaymentStreamView> providerPaymentStreams(String chain, ProviderId providerId, PageRequest page) {
        List<String> after = Pages.after(page, 1);
        return Pages.of(list(h -> page(h, "providerPaymentStreams", chain, page)
                        .bind("providerId", providerId.hex()).bind("afterUserAccount", after.get(0))
                        .map(ViewRows.STREAM).list()), page,
                s -> SortKey.of(s.userAccount().hex()));
    }

    private <T> List<T> list(HandleCallback<List<T>, RuntimeException> query) {
        return jdbi.withHandle(query);
    }

    private static Query page(Handle handle, String name, String chain, PageRequest page) {
        return handle.createQuery(sql(name)).bind("chain", chain).bind("limit", Pages.fetchSize(page));
    }

    private static Query inRange(Query query, BucketId bucketId, LocationRange range) {
        return query.bind("bucketId", bucketId.hex())
                .bind("lowerLocation", range.lowerLocation())
                .bind("lowerFileKey", range.lowerFileKey())
                .bind("upperBound", range.upperBound());
    }

    private static String sql(String name) {
        return Sql.of(JdbiStorageQueries.class, name);
    }

    @Override
    public Optional<Page<ChangeView>> history(String chain, EntityKind kind, String id, HistoryOrder order,
                                              PageRequest page) {
        String key = ChangeKeys.history(kind, id);
        Position after = ChangeKeys.after(page, order);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            boolean exists = h.createQuery(sql("entityExists")).bind("kind", kind.apiName()).bind("chain", chain)
                    .bind("id", id).mapTo(Boolean.class).one();
            if (!exists) {
                return Optional.empty();
            }
            Query query = order == HistoryOrder.ASC
                    ? page(h, "filteredChanges", chain, page).bind("otherKeys", new String[0]) // one key, no other
                    : page(h, "historyDesc", chain, page);
            List<ChangeView> fetched = after(query.bind("key", key), after).map(ViewRows.CHANGE).list();
            return Optional.of(Pages.of(fetched, page, c -> ChangeKeys.sortKey(c.position())));
        });
    }

    @Override
    public List<ChangeView> changes(String chain, ChangeFilter filter, Position after, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + PageRequest.MAX_LIMIT + ", got " + limit);
        }
        List<String> keys = ChangeKeys.of(filter);
        return list(h -> {
            Query query;
            if (keys.isEmpty()) {
                query = h.createQuery(sql("changes"));
            } else {
                query = h.createQuery(sql("filteredChanges")).bind("key", keys.get(0))
                        .bind("otherKeys", keys.subList(1, keys.size()).toArray(String[]::new));
            }
            return after(query.bind("chain", chain).bind("limit", limit), after).map(ViewRows.CHANGE).list();
        });
    }

    private static Query after(Query query, Position after) {
        return query.bind("afterBlock", after.block()).bind("afterIndex", after.index());
    }
}
