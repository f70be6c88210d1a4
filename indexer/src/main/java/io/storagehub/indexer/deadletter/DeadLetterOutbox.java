package io.storagehub.indexer.deadletter;

import io.storagehub.schema.event.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The {@code dead_letter} outbox table. Inserts run on the caller's handle, inside the transaction of the batch
 * the dead letters belong to; the relay reads and marks rows.
 */
public final class DeadLetterOutbox {
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

    private DeadLetterOutbox() {
    }

    private static String sql(String name) {
        return SQL.locate(DeadLetterOutbox.class, name);
    }

    public static void insert(Handle handle, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql("insert"));
        for (DeadLetter letter : letters) {
            batch.bind("topic", letter.topic())
                    .bind("partition", letter.partition())
                    .bind("offset", letter.offset())
                    .bind("chain", letter.chain().orElse(null))
                    .bind("block", letter.position().map(Position::block).orElse(null))
                    .bind("index", letter.position().map(Position::index).orElse(null))
                    .bind("reasonKind", letter.reasonKind())
                    .bind("reason", letter.reason())
                    .bind("key", letter.key())
                    .bind("value", letter.value())
                    .add();
        }
        batch.execute();
    }

    /** Up to {@code limit} unpublished rows with ids above {@code afterId}, in id order. */
    public static List<OutboxRow> unpublished(Handle handle, long afterId, int limit) {
        return handle.createQuery(sql("unpublished")).bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list();
    }

    public static int markPublished(Handle handle, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return handle.createUpdate(sql("markPublished")).bind("ids", ids.toArray(Long[]::new)).execute();
    }

    public static OutboxCounts counts(Handle handle) {
        return handle.createQuery(sql("counts"))
                .map((rs, ctx) -> new OutboxCounts(rs.getLong("published"), rs.getLong("pending"))).one();
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        long block = rs.getLong("block");
        Optional<Position> position = rs.wasNull()
                ? Optional.empty() : Optional.of(new Position(block, rs.getLong("event_index")));
        DeadLetter letter = new DeadLetter(rs.getString("topic"), rs.getInt("partition"), rs.getLong("record_offset"),
                Optional.ofNullable(rs.getString("chain")), position, rs.getString("reason_kind"),
                rs.getString("reason"), rs.getBytes("original_key"), rs.getBytes("original_value"));
        return new OutboxRow(rs.getLong("id"), letter, rs.getTimestamp("created_at").toInstant());
    }
}
