package io.storagehub.projection.jdbi;

import io.storagehub.projection.ReadModelExport;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.ValuePropView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** A whole chain's read model from Postgres, read in one repeatable-read transaction. */
public final class JdbiReadModelExport implements ReadModelExport {
    private final Jdbi jdbi;

    public JdbiReadModelExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ReadModelSnapshot snapshot(String chain) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Position last = h.createQuery(Sql.of(JdbiStorageQueries.class, "chain")).bind("chain", chain)
                    .map(ViewRows.CHAIN).findOne().map(ChainView::lastPosition).orElse(null);
            Map<String, List<ValuePropView>> valueProps = new LinkedHashMap<>();
            h.createQuery(sql("valueProps")).bind("chain", chain)
                    .map((rs, ctx) -> Map.entry(rs.getString("msp_id"), ViewRows.VALUE_PROP.map(rs, ctx)))
                    .forEach(e -> valueProps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            List<MspDetail> msps = all(h, "msps", chain, ViewRows.MSP).stream()
                    .map(m -> new MspDetail(m, valueProps.getOrDefault(m.mspId().hex(), List.of())))
                    .toList();
            return new ReadModelSnapshot(chain, last, msps, all(h, "bsps", chain, ViewRows.BSP),
                    all(h, "buckets", chain, ViewRows.BUCKET), all(h, "files", chain, ViewRows.FILE),
                    all(h, "streams", chain, ViewRows.STREAM));
        });
    }

    private static <T> List<T> all(Handle h, String name, String chain, RowMapper<T> mapper) {
        return h.createQuery(sql(name)).bind("chain", chain).map(mapper).list();
    }

    private static String sql(String name) {
        return Sql.of(JdbiReadModelExport.class, name);
    }
}
