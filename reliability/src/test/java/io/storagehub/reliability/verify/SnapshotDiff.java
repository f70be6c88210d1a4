package io.storagehub.reliability.verify;

import io.storagehub.projection.ReadModelSnapshot;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Row-for-row comparison of a chain's read model with the reference: per table, rows the reference has that the
 * read model lacks (missing) and rows the read model has that the reference lacks (extra). A row that differs
 * counts once as missing and once as extra. The chain's last position is compared too.
 */
public record SnapshotDiff(String chain, Map<String, Integer> missing, Map<String, Integer> extra,
                           long referenceRows, boolean positionEqual) {

    public static SnapshotDiff of(ReadModelSnapshot reference, ReadModelSnapshot actual) {
        Map<String, Integer> missing = new LinkedHashMap<>();
        Map<String, Integer> extra = new LinkedHashMap<>();
        compare("msp+value_prop", reference.msps(), actual.msps(), missing, extra);
        compare("bsp", reference.bsps(), actual.bsps(), missing, extra);
        compare("bucket", reference.buckets(), actual.buckets(), missing, extra);
        compare("file+file_bsp", reference.files(), actual.files(), missing, extra);
        compare("payment_stream", reference.streams(), actual.streams(), missing, extra);
        long rows = (long) reference.msps().size() + reference.bsps().size() + reference.buckets().size()
                + reference.files().size() + reference.streams().size();
        return new SnapshotDiff(reference.chain(), missing, extra, rows,
                Objects.equals(reference.lastPosition(), actual.lastPosition()));
    }

    private static void compare(String table, List<?> reference, List<?> actual, Map<String, Integer> missing,
                                Map<String, Integer> extra) {
        Map<Object, Integer> counts = new HashMap<>();
        reference.forEach(row -> counts.merge(row, 1, Integer::sum));
        actual.forEach(row -> counts.merge(row, -1, Integer::sum));
        int lacking = 0;
        int surplus = 0;
        for (int n : counts.values()) {
            if (n > 0) {
                lacking += n;
            } else {
                surplus -= n;
            }
        }
        missing.put(table, lacking);
        extra.put(table, surplus);
    }

    public int missingRows() {
        return missing.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int extraRows() {
        return extra.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean identical() {
        return missingRows() == 0 && extraRows() == 0 && positionEqual;
    }
}
