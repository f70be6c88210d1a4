package io.storagehub.projection.jdbi;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.StateLoader;
import io.storagehub.projection.state.StreamRow;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.Position;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads the working rows of a unit of work in bulk ({@code = ANY(:ids)}), within the caller's transaction; or, made
 * by {@link #unlocked}, outside any, for a batch applied ahead of its write.
 */
final class JdbiStateLoader implements StateLoader {
    private final Handle handle;
    private final boolean locking;

    JdbiStateLoader(Handle handle) {
        this(handle, true);
    }

    private JdbiStateLoader(Handle handle, boolean locking) {
        this.handle = handle;
        this.locking = locking;
    }

    /** A loader whose {@link #lockChain} only reads the chain's position, taking no lock and creating no row. */
    static JdbiStateLoader unlocked(Handle handle) {
        return new JdbiStateLoader(handle, false);
    }

    @Override
    public Optional<Position> lockChain(String chain) {
        if (locking) {
            handle.createUpdate(sql("insertChain")).bind("chain", chain).execute();
        }
        return handle.createQuery(sql(locking ? "lockChain" : "chainPosition"))
                .bind("chain", chain)
                .map((rs, ctx) -> {
                    long block = rs.getLong("last_block");
                    return rs.wasNull() ? Optional.<Position>empty()
                            : Optional.of(new Position(block, rs.getLong("last_index")));
                })
                .findOne()
                .orElse(Optional.empty());
    }

    @Override
    public Map<Position, Long> digests(String chain, Collection<Position> positions) {
        if (positions.isEmpty()) {
            return Map.of();
        }
        List<Long> blocks = positions.stream().map(Position::block).distinct().toList();
        Map<Long, Map<Long, Long>> byBlock = new HashMap<>();
        handle.createQuery(sql("digests"))
                .bind("chain", chain)
                .bindArray("blocks", Long.class, blocks)
                .map((rs, ctx) -> Map.entry(rs.getLong("block"), DigestEntries.unpack(rs.getBytes("entries"))))
                .forEach(e -> byBlock.put(e.getKey(), e.getValue()));
        Map<Position, Long> result = new HashMap<>();
        for (Position position : positions) {
            Long digest = byBlock.getOrDefault(position.block(), Map.of()).get(position.index());
            if (digest != null) {
                result.put(position, digest);
            }
        }
        return result;
    }

    @Override
    public Map<String, MspRow> msps(String chain, Collection<String> mspIds) {
        return byId("msps", chain, mspIds, StateRows.MSP, r -> r.mspId);
    }

    @Override
    public Map<String, BspRow> bsps(String chain, Collection<String> bspIds) {
        return byId("bsps", chain, bspIds, StateRows.BSP, r -> r.bspId);
    }

    @Override
    public Map<ValuePropRow.Key, ValuePropRow> valueProps(String chain, Collection<ValuePropRow.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return toMap(handle.createQuery(sql("valueProps"))
                .bind("chain", chain)
                .bindArray("mspIds", String.class, keys.stream().map(ValuePropRow.Key::mspId).toList())
                .bindArray("valuePropIds", String.class, keys.stream().map(ValuePropRow.Key::valuePropId).toList())
                .map(StateRows.VALUE_PROP)
                .list(), ValuePropRow::key);
    }

    @Override
    public Map<String, BucketRow> buckets(String chain, Collection<String> bucketIds) {
        return byId("buckets", chain, bucketIds, StateRows.BUCKET, r -> r.bucketId);
    }

    @Override
    public Map<String, FileRow> files(String chain, Collection<String> fileKeys) {
        return byId("files", chain, fileKeys, StateRows.FILE, r -> r.fileKey);
    }

    @Override
    public Map<StreamRow.Key, StreamRow> streams(String chain, Collection<StreamRow.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return toMap(handle.createQuery(sql("streams"))
                .bind("chain", chain)
                .bindArray("userAccounts", String.class, keys.stream().map(StreamRow.Key::userAccount).toList())
                .bindArray("providerIds", String.class, keys.stream().map(StreamRow.Key::providerId).toList())
                .map(StateRows.STREAM)
                .list(), StreamRow::key);
    }

    @Override
    public List<FileBspRow> associationsOfFiles(String chain, Collection<String> fileKeys) {
        if (fileKeys.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(sql("associationsOfFiles"))
                .bind("chain", chain)
                .bindArray("fileKeys", String.class, List.copyOf(fileKeys))
                .map(StateRows.FILE_BSP)
                .list();
    }

    @Override
    public List<FileBspRow> associationsOfBsp(String chain, String bspId) {
        return handle.createQuery(sql("associationsOfBsp"))
                .bind("chain", chain)
                .bind("bspId", bspId)
                .map(StateRows.FILE_BSP)
                .list();
    }

    private <T> Map<String, T> byId(String query, String chain, Collection<String> ids, RowMapper<T> mapper,
                                    Function<T, String> key) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return toMap(handle.createQuery(sql(query))
                .bind("chain", chain)
                .bindArray("ids", String.class, List.copyOf(ids))
                .map(mapper)
                .list(), key);
    }

    private static <K, T> Map<K, T> toMap(List<T> rows, Function<T, K> key) {
        Map<K, T> result = new HashMap<>(rows.size() * 2);
        rows.forEach(r -> result.put(key.apply(r), r));
        return result;
    }

    private static String sql(String name) {
        return Sql.of(JdbiStateLoader.class, name);
    }
}
