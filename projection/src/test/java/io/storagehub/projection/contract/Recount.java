package io.storagehub.projection.contract;

import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.state.FileStatus;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Recomputes every derived counter of a snapshot from its rows and lists where the stored value differs. */
public final class Recount {

    private Recount() {
    }

    public static List<String> mismatches(ReadModelSnapshot s) {
        List<String> problems = new ArrayList<>();
        Map<BucketId, BucketView> buckets = new HashMap<>();
        s.buckets().forEach(b -> buckets.put(b.bucketId(), b));
        for (BucketView b : s.buckets()) {
            List<FileView> in = s.files().stream()
                    .filter(f -> f.bucketId().equals(b.bucketId()) && FileStatus.IN_BUCKET.contains(f.status()))
                    .toList();
            check(problems, "bucket " + b.bucketId() + " fileCount", b.fileCount(), (long) in.size());
            check(problems, "bucket " + b.bucketId() + " totalSize", b.totalSize(), sum(in));
        }
        for (MspDetail d : s.msps()) {
            ProviderId id = d.msp().mspId();
            long count = s.buckets().stream().filter(b -> id.equals(b.mspId()) && !b.deleted()).count();
            check(problems, "msp " + id + " bucketCount", d.msp().bucketCount(), count);
            List<FileView> used = s.files().stream()
                    .filter(f -> f.mspConfirmed() && !FileStatus.DELETED.equals(f.status())
                            && id.equals(buckets.get(f.bucketId()).mspId()))
                    .toList();
            check(problems, "msp " + id + " usedCapacity", d.msp().usedCapacity(), sum(used));
        }
        for (BspView b : s.bsps()) {
            List<FileView> stored = s.files().stream().filter(f -> f.bsps().contains(b.bspId())).toList();
            check(problems, "bsp " + b.bspId() + " fileCount", b.fileCount(), (long) stored.size());
            check(problems, "bsp " + b.bspId() + " usedCapacity", b.usedCapacity(), sum(stored));
        }
        for (FileView f : s.files()) {
            check(problems, "file " + f.fileKey() + " replicas", f.replicas(), (long) f.bsps().size());
            check(problems, "file " + f.fileKey() + " mspId", f.mspId(), buckets.get(f.bucketId()).mspId());
            if (FileStatus.DELETED.equals(f.status()) && !f.bsps().isEmpty()) {
                problems.add("deleted file " + f.fileKey() + " still stored by " + f.bsps());
            }
        }
        return problems;
    }

    private static BigInteger sum(List<FileView> files) {
        return files.stream().map(FileView::size).reduce(BigInteger.ZERO, BigInteger::add);
    }

    private static void check(List<String> problems, String what, Object stored, Object recounted) {
        if (!Objects.equals(stored, recounted)) {
            problems.add(what + ": stored " + stored + ", recount " + recounted);
        }
    }
}
