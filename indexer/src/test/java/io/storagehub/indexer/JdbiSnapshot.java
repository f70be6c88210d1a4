package io.storagehub.indexer;

import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.jdbi.JdbiStorageQueries;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A whole chain of the Postgres read model as a {@link ReadModelSnapshot}, built from the adapter's own direct
 * lookups (which return deleted rows too) over every key in the tables, so it compares with the in-memory
 * reference's snapshot.
 */
final class JdbiSnapshot {

    private JdbiSnapshot() {
    }

    static ReadModelSnapshot of(Jdbi jdbi, String chain) {
        JdbiStorageQueries queries = new JdbiStorageQueries(jdbi);
        List<PaymentStreamView> streams = new ArrayList<>();
        for (String user : keys(jdbi, "SELECT DISTINCT user_account FROM payment_stream WHERE chain = :chain "
                + "ORDER BY user_account", chain)) {
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<PaymentStreamView> page = queries.accountPaymentStreams(chain, AccountId.of(user), request);
                streams.addAll(page.items());
                if (page.nextKey().isEmpty()) {
                    break;
                }
                request = new PageRequest(PageRequest.MAX_LIMIT, page.nextKey());
            }
        }
        return new ReadModelSnapshot(chain, lastPosition(jdbi, chain),
                keys(jdbi, "SELECT msp_id FROM msp WHERE chain = :chain ORDER BY msp_id", chain).stream()
                        .map(id -> queries.msp(chain, ProviderId.of(id)).orElseThrow()).toList(),
                keys(jdbi, "SELECT bsp_id FROM bsp WHERE chain = :chain ORDER BY bsp_id", chain).stream()
                        .map(id -> queries.bsp(chain, ProviderId.of(id)).orElseThrow()).toList(),
                keys(jdbi, "SELECT bucket_id FROM bucket WHERE chain = :chain ORDER BY bucket_id", chain).stream()
                        .map(id -> queries.bucket(chain, BucketId.of(id)).orElseThrow()).toList(),
                keys(jdbi, "SELECT file_key FROM file WHERE chain = :chain ORDER BY file_key", chain).stream()
                        .map(key -> queries.file(chain, FileKey.of(key)).orElseThrow()).toList(),
                streams);
    }

    private static Position lastPosition(Jdbi jdbi, String chain) {
        Optional<Position> position = jdbi.withHandle(h -> h.createQuery(
                        "SELECT last_block, last_index FROM chain_position WHERE chain = :chain "
                                + "AND last_block IS NOT NULL")
                .bind("chain", chain)
                .map((rs, ctx) -> new Position(rs.getLong("last_block"), rs.getLong("last_index")))
                .findOne());
        return position.orElse(null);
    }

    private static List<String> keys(Jdbi jdbi, String sql, String chain) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("chain", chain).mapTo(String.class).list());
    }
}
