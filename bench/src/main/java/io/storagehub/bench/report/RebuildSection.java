package io.storagehub.bench.report;

import io.storagehub.bench.env.IndexerJvm;
import io.storagehub.bench.rebuild.RebuildResult;
import io.storagehub.bench.rebuild.Verified;
import java.util.ArrayList;
import java.util.List;

/** The rebuild's section: each size's time against the COPY of its rows, and the heap at both sizes. */
public final class RebuildSection {
    /** A typical live set this much larger at the larger size still counts as flat (GC timing noise). */
    static final double FLAT = 1.2;

    private RebuildSection() {
    }

    /** A verified rebuild may cost this much more than a plain one (the goal). */
    static final double VERIFY_GOAL = 1.3;

    public static List<Goal> goals(List<RebuildResult> runs, Verified verified) {
        double verifiedSeconds = verified.seconds();
        RebuildResult big = runs.get(runs.size() - 1);
        RebuildResult small = runs.get(0);
        double growth = live(big) / live(small);
        double peak = runs.stream().mapToDouble(r -> r.heap().peakCommittedMiB()).max().orElse(0);
        List<Goal> goals = new ArrayList<>();
        goals.add(new Goal("rebuild", "<= 3x the COPY time of the resulting rows, stretch 1.5x ("
                + Markdown.num(big.events()) + " events)", Markdown.ratio(big.overCopy()) + " ("
                + Markdown.secs(big.seconds()) + " vs " + Markdown.secs(big.copy().took().toNanos() / 1e9) + ")"
                + (big.overCopy() <= 1.5 ? "; stretch met" : ""), big.overCopy() <= 3));
        goals.add(new Goal("rebuild", "-Xmx512m; median live set at the larger N within " + FLAT + "x of the smaller",
                "committed <= " + Markdown.num(peak) + " MiB; live set (median after full GC) "
                        + Markdown.num(live(small)) + " MiB at " + Markdown.num(small.events()) + " events, "
                        + Markdown.num(live(big)) + " MiB at " + Markdown.num(big.events()) + " ("
                        + Markdown.ratio(growth) + "); its maximum " + Markdown.num(small.heap().peakLiveMiB())
                        + " and " + Markdown.num(big.heap().peakLiveMiB()) + " MiB",
                peak <= 512 && (runs.size() == 1 || growth <= FLAT)));
        double verify = verifiedSeconds / big.seconds();
        goals.add(new Goal("rebuild", "`rebuild --verify` <= " + VERIFY_GOAL + "x a plain rebuild ("
                + Markdown.num(big.events()) + " events)", Markdown.ratio(verify) + " (" + Markdown.secs(verifiedSeconds)
                + " vs " + Markdown.secs(big.seconds()) + ")", verify <= VERIFY_GOAL));
        return goals;
    }

    /**
     * The typical live set: the median after requested full collections (their maximum grows with their number
     * alone, see {@code GcLog}), else the peak after any collection.
     */
    static double live(RebuildResult r) {
        return r.heap().fullCollections() > 0 ? r.heap().medianLiveMiB() : r.heap().peakAfterMiB();
    }

    public static String render(List<RebuildResult> runs, Verified verified, String analysis) {
        double verifiedSeconds = verified.seconds();
        StringBuilder md = new StringBuilder("## 2. Rebuild\n\n");
        md.append("`IndexerCli rebuild --drop-old` in its own JVM with `")
                .append(IndexerJvm.describe(IndexerJvm.REBUILD))
                .append(" -Xlog:gc` (indexer/README's JVM options), replaying the whole topic ")
                .append("into a fresh schema and switching it in; timed from process launch to exit. Its ceiling is ")
                .append("COPY of the rows it produced (every table the indexer writes, copied out in binary and ")
                .append("loaded into a freshly migrated schema in one transaction). Run at two topic sizes to show ")
                .append("the heap does not grow with N: every 15 s the harness asks the rebuild's JVM for a full ")
                .append("collection (`jcmd GC.run`); the heap left after those is the live set, which varies with ")
                .append("the batch in flight at that moment: flatness compares its median at the two sizes, since ")
                .append("the maximum of a longer run's more numerous samples rises with their number alone. ")
                .append("(The heap after a young collection still counts old garbage not yet collected, so that ")
                .append("figure rises with the run's length even when the live set does not.)\n\n");
        md.append(Markdown.table(List.of("events", "rebuild", "events/s", "COPY of its rows", "rows",
                "rebuild / COPY", "heap before GC (max)", "after GC (max)", "live set after full GC (median / max)",
                "committed (max)", "GCs (full)"),
                runs.stream().map(r -> List.of(Markdown.num(r.events()), Markdown.secs(r.seconds()),
                        Markdown.num(r.eventsPerSecond()), Markdown.secs(r.copy().took().toNanos() / 1e9),
                        Markdown.num(r.copy().rows()), Markdown.ratio(r.overCopy()),
                        Markdown.num(r.heap().peakBeforeMiB()) + " MiB", Markdown.num(r.heap().peakAfterMiB()) + " MiB",
                        Markdown.num(r.heap().medianLiveMiB()) + " / " + Markdown.num(r.heap().peakLiveMiB())
                                + " MiB",
                        Markdown.num(r.heap().peakCommittedMiB()) + " MiB",
                        r.heap().collections() + " (" + r.heap().fullCollections() + ")"))
                        .toList()));
        RebuildResult big = runs.get(runs.size() - 1);
        md.append("\n`IndexerCli rebuild --drop-old --verify` of the same ").append(Markdown.num(big.events()))
                .append(" events (same heap; the comparison of the rebuilt schema with the live one before the ")
                .append("switch included): ").append(Markdown.secs(verifiedSeconds)).append(", ")
                .append(Markdown.ratio(verifiedSeconds / big.seconds())).append(" the plain rebuild")
                .append(Double.isNaN(verified.heldSeconds()) ? "" : "; of that, the live checkpoints were held (the "
                        + "live indexer could not commit) for " + Markdown.secs(verified.heldSeconds())
                        + ", the tail replay and the comparison")
                .append(".\n");
        md.append("\n### Where the rebuild's time goes (").append(Markdown.num(big.events())).append(" events)\n\n");
        md.append(ProfileSection.cpu(big.cpuSeconds(), big.seconds())).append('\n');
        md.append(ProfileSection.jfr(big.profile()));
        if (!analysis.isBlank()) {
            md.append('\n').append(analysis).append('\n');
        }
        return md.toString();
    }
}
