package io.storagehub.bench.query;

import io.storagehub.bench.backfill.CopyLoad;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.projection.table.ChangeRows;
import io.storagehub.projection.table.CopyText;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The query benchmark's read model: the rebuilt chain as it is, plus one bucket of {@code deepFiles} stored files
 * (the generator's buckets hold at most a few dozen listable files, too few for deep pages), loaded by COPY with
 * consistent counters, then analyzed. Also draws the random ids the load tools request.
 */
public final class QueryDataset {
    public static final String DEEP_BUCKET = "0x" + "de".repeat(31) + "01";

    /** What the load tools pick from, and the read model's size. */
    public record Ids(List<String> fileKeys, List<String> bucketIds, long files, long listableFiles, long buckets) {
    }

    private QueryDataset() {
    }

    public static void addDeepBucket(PgCluster pg, String schema, String chain, int deepFiles) throws SQLException {
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, schema);
            c.setAutoCommit(false);
            long block;
            long index;
            try (PreparedStatement ps = c.prepareStatement(Sql.of(QueryDataset.class, "lastPosition"))) {
                ps.setString(1, chain);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    block = rs.getLong(1);
                    index = rs.getLong(2);
                }
            }
            String owner = single(c, "anyOwner", chain);
            BigInteger size = BigInteger.valueOf(1_048_576);
            BigInteger total = size.multiply(BigInteger.valueOf(deepFiles));
            try (PreparedStatement ps = c.prepareStatement(Sql.of(QueryDataset.class, "deepBucket"))) {
                ps.setString(1, chain);
                ps.setString(2, DEEP_BUCKET);
                ps.setString(3, owner);
                ps.setString(4, "0x" + "ab".repeat(32));
                ps.setLong(5, deepFiles);
                ps.setBigDecimal(6, new java.math.BigDecimal(total));
                ps.setBigDecimal(7, new java.math.BigDecimal(total));
                ps.setLong(8, block);
                ps.setLong(9, index);
                ps.setLong(10, block);
                ps.setLong(11, index);
                ps.executeUpdate();
            }
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(Sql.of(io.storagehub.bench.backfill.CopyLoad.class, "file"));
            for (int from = 0; from < deepFiles; from += 50_000) {
                CopyText rows = new CopyText();
                for (int i = from; i < Math.min(deepFiles, from + 50_000); i++) {
                    rows.text(chain).text(String.format("0xdeed%060x", i)).text(DEEP_BUCKET).text(owner)
                            .text(String.format("deep/%03d/%07d.bin", i / 10_000, i))
                            .text(String.format("0x%064x", i)).value(size).array(List.of()).text("stored")
                            .bool(true).value(1).value(0).value(block + 100_000).text(null)
                            .value(block).value(index).value(block).value(index);
                    rows.endRow();
                }
                byte[] bytes = rows.bytes();
                in.writeToCopy(bytes, 0, bytes.length);
            }
            in.endCopy();
            c.commit();
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute(Sql.of(QueryDataset.class, "analyze"));
            }
        }
    }

    /**
     * Gives the large bucket a long history: {@code changes} changes that touched its row (as each of its files'
     * storage requests would have), loaded by COPY into {@code change} and {@code change_key} at positions inside
     * the chain's past that no event uses (event indexes from 1,000,000 on), so that history pages of a busy bucket
     * can be compared at any depth. The change stream from the chain's head on does not see them. Their key rows
     * are grouped per key and block (100 changes, the most a row holds), and the bucket's own key rows are made one
     * per change first: the deep positions lie inside the runs of positions those cover, while no position of the
     * chain's own lies inside the run of a deep group (V0010: a key's groups cover disjoint runs).
     */
    public static void addDeepHistory(PgCluster pg, String schema, String chain, int changes) throws SQLException {
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, schema);
            c.setAutoCommit(false);
            String owner = single(c, "anyOwner", chain);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            CopyText changeRows = new CopyText();
            CopyText keyRows = new CopyText();
            List<String> fileFields = List.of("fileKey", "bucketId", "owner", "location", "size", "status",
                    "createdAt", "updatedAt");
            ChangeRows.Writer writer = new ChangeRows.Writer(chain);
            List<String> bucketKeys = List.of(RecordedChange.key(RecordedChange.BUCKET, DEEP_BUCKET),
                    RecordedChange.key(RecordedChange.IN_BUCKET, DEEP_BUCKET));
            for (int i = 0; i < changes; i++) {
                long block = 1 + i / 100;
                long index = 1_000_000 + i % 100;
                String fileKey = String.format("0xdeed%060x", i);
                String data = "{\"who\":\"" + owner + "\",\"fileKey\":\"" + fileKey + "\",\"bucketId\":\""
                        + DEEP_BUCKET + "\",\"location\":\"" + String.format("deep/%03d/%07d.bin", i / 10_000, i)
                        + "\",\"fingerprint\":\"" + String.format("0x%064x", i)
                        + "\",\"size\":1048576,\"peerIds\":[],\"expiresAt\":" + (block + 100_000) + "}";
                ChangeView view = new ChangeView(new Position(block, index), String.format("0x%064x", block),
                        Instant.parse("2026-01-01T00:00:00Z"), "FileSystem", "NewStorageRequest", data, List.of(
                        new ChangedEntity(EntityKind.BUCKET, DEEP_BUCKET, List.of("fileCount", "totalSize",
                                "updatedAt")),
                        new ChangedEntity(EntityKind.FILE, fileKey, fileFields)));
                writer.append(new RecordedChange(view, bucketKeys), changeRows);
                if (index % 100 == 99 || i == changes - 1) {
                    writer.writeKeys(keyRows);
                }
            }
            byte[] bytes = changeRows.bytes();
            copy.copyIn(ChangeRows.COPY_CHANGES, new java.io.ByteArrayInputStream(bytes));
            bytes = keyRows.bytes();
            CopyLoad.createKeyPartitions(c);
            try (PreparedStatement ps = c.prepareStatement(Sql.of(QueryDataset.class, "ungroupKeys"))) {
                ps.setString(1, chain);
                ps.setArray(2, c.createArrayOf("text", bucketKeys.toArray()));
                ps.executeUpdate();
            }
            copy.copyIn(ChangeRows.COPY_KEYS, new java.io.ByteArrayInputStream(bytes));
            c.commit();
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute(Sql.of(QueryDataset.class, "analyze"));
            }
        } catch (java.io.IOException e) {
            throw new SQLException("copying the large bucket's history failed", e);
        }
    }

    public static Ids ids(PgCluster pg, String schema, String chain, int keys, int buckets) throws SQLException {
        try (Connection c = pg.connect()) {
            Sql.useSchema(c, schema);
            List<String> fileKeys = list(c, "sampleFiles", chain, null, keys);
            List<String> bucketIds = list(c, "sampleBuckets", chain, DEEP_BUCKET, buckets);
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(Sql.of(QueryDataset.class, "counts"))) {
                rs.next();
                return new Ids(fileKeys, bucketIds, rs.getLong("files"), rs.getLong("listable"), rs.getLong("buckets"));
            }
        }
    }

    private static List<String> list(Connection c, String query, String chain, String exclude, int limit)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Sql.of(QueryDataset.class, query))) {
            int p = 1;
            ps.setString(p++, chain);
            if (exclude != null) {
                ps.setString(p++, exclude);
            }
            ps.setInt(p, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String single(Connection c, String query, String chain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.of(QueryDataset.class, query))) {
            ps.setString(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
