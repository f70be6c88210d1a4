package io.storagehub.bench.report;

import io.storagehub.bench.stream.StreamResult;
import java.util.ArrayList;
import java.util.List;

/** The change-stream section: delivery latency from commit under many subscribers, and exactly-once delivery. */
public final class StreamSection {
    private StreamSection() {
    }

    static final int GOAL_RATE = 1_000;
    static final int GOAL_FILTERED = 1_000;
    static final int GOAL_UNFILTERED = 10;
    static final double GOAL_P99_MILLIS = 250;
    /** Share of the goal's rate the paced producer must achieve for the run to count. */
    static final double RATE_TOLERANCE = 0.95;

    public static List<Goal> goals(StreamResult r) {
        boolean atGoalLoad = r.targetRate() >= GOAL_RATE && r.achievedRate() >= RATE_TOLERANCE * GOAL_RATE
                && r.filtered() >= GOAL_FILTERED && r.unfiltered() >= GOAL_UNFILTERED;
        boolean exact = r.missing() == 0 && r.repeated() == 0 && r.outOfOrder() == 0 && r.unexpected() == 0
                && r.connected() == r.filtered() + r.unfiltered() && r.disconnected() == 0;
        String load = Markdown.num(r.filtered()) + " filtered + " + r.unfiltered() + " unfiltered subscribers at "
                + Markdown.num(r.achievedRate()) + " events/s achieved" + (atGoalLoad ? "" : ": below the goal's load");
        return List.of(
                new Goal("change stream", "delivery p99 <= " + Markdown.num(GOAL_P99_MILLIS) + " ms from the batch's "
                        + "commit, " + Markdown.num(GOAL_FILTERED) + " subscribers filtered to one bucket + "
                        + GOAL_UNFILTERED + " unfiltered, live feed at " + Markdown.num(GOAL_RATE) + " events/s",
                        Markdown.dec(r.p99(), 1) + " ms (p50 " + Markdown.dec(r.p50(), 1) + " ms), " + load,
                        atGoalLoad && r.p99() <= GOAL_P99_MILLIS),
                new Goal("change stream", "no subscriber misses or repeats a change (counted)",
                        r.missing() + " missing, " + r.repeated() + " repeated, " + r.outOfOrder() + " out of order, "
                                + r.unexpected() + " unexpected of " + Markdown.num(r.expected()) + " expected; "
                                + r.connected() + " connected, " + r.disconnected() + " disconnected",
                        exact));
    }

    public static String render(StreamResult r) {
        StringBuilder md = new StringBuilder("## 5. Change streams\n\n");
        md.append("The live indexer (`IndexerCli run`) and the query API running; ").append(Markdown.num(r.filtered()))
                .append(" server-sent-events clients each follow `GET /v1/chains/{chain}/changes?bucket=<id>` (one of the ")
                .append(Markdown.num(r.buckets())).append(" most recently changed buckets each")
                .append(r.buckets() < r.filtered() ? ", several subscribers per bucket as the chain has no more live ones"
                        : "")
                .append(") and ").append(r.unfiltered())
                .append(" follow every change, all from the same `after` position, in the harness's JVM ")
                .append("(`java.net.http.HttpClient`). ")
                .append(r.backlogEvents() == 0 ? "" : "Before the feed starts the indexer applies the "
                        + Markdown.num(r.backlogEvents()) + " records the previous phases left in the topic ("
                        + Markdown.dec(r.backlogSeconds(), 1) + " s), so the feed and its warm-up start from no backlog. ")
                .append("The chain continues at ").append(Markdown.num(r.targetRate()))
                .append(" events/s (whole blocks, paced; achieved ").append(Markdown.num(r.achievedRate()))
                .append(" events/s). A delivery is timed from the moment the harness, listening on the indexer's ")
                .append("commit notifications, first saw the chain's position at or past the change (so from the ")
                .append("commit of its batch, or a little before: never flattering) until the message's blank line ")
                .append("arrives; ").append(r.seconds()).append(" s measured after a warm-up of ")
                .append(Markdown.dec(r.warmupSeconds(), 1)).append(" s (the indexer and the API start cold: at least ")
                .append("10 s, and until both the indexer keeps up, every block sent 0.5 s earlier having committed, ")
                .append("and deliveries are timely: over the last second every change delivered to a sample of the ")
                .append("subscribers (the ").append(r.unfiltered()).append(" following every change and every 50th ")
                .append("following one bucket) arrived within ").append(Markdown.num(GOAL_P99_MILLIS))
                .append(" ms of its commit, and at least one did; at most 60 s").append(warmupBoundHit(r))
                .append("). Afterwards each ")
                .append("subscriber's stream is compared with the JSON pages (`GET /changes?after=`) of the same filter ")
                .append("over the whole run: ").append(Markdown.num(r.changesInRun())).append(" changes in the run.\n\n");
        md.append(Markdown.table(List.of("deliveries timed", "p50", "p90", "p99", "max", "API CPU"), List.of(List.of(
                Markdown.num(r.deliveries()), Markdown.dec(r.p50(), 1) + " ms", Markdown.dec(r.p90(), 1) + " ms",
                Markdown.dec(r.p99(), 1) + " ms", Markdown.dec(r.max(), 1) + " ms",
                Markdown.dec(r.apiCpuSeconds(), 1) + " s (" + Markdown.dec(r.apiCpuSeconds() / r.seconds(), 2)
                        + " cores)"))));
        md.append('\n');
        md.append(Markdown.table(List.of("subscribers", "deliveries timed", "p50", "p99"), List.of(
                group(Markdown.num(r.filtered()) + " following one bucket", r.filteredGroup()),
                group(r.unfiltered() + " following every change", r.unfilteredGroup()))));
        md.append('\n');
        md.append(Markdown.table(List.of("expected", "missing", "repeated", "out of order", "unexpected",
                "connected", "disconnected"), List.of(List.of(Markdown.num(r.expected()), Long.toString(r.missing()),
                Long.toString(r.repeated()), Long.toString(r.outOfOrder()), Long.toString(r.unexpected()),
                Integer.toString(r.connected()), Integer.toString(r.disconnected())))));
        return md.toString();
    }

    /** What was not yet so when the warm-up reached its bound, or "" when the window opened before it. */
    private static String warmupBoundHit(StreamResult r) {
        if (r.caughtUp() && r.deliveriesTimely()) {
            return "";
        }
        List<String> unmet = new ArrayList<>();
        if (!r.caughtUp()) {
            unmet.add("the indexer was not keeping up with the feed");
        }
        if (!r.deliveriesTimely()) {
            unmet.add("the deliveries were not yet timely");
        }
        return "; **the window opened at 60 s, when " + String.join(" and ", unmet) + "**";
    }

    private static List<String> group(String who, StreamResult.Group g) {
        return List.of(who, Markdown.num(g.deliveries()), Markdown.dec(g.p50(), 1) + " ms",
                Markdown.dec(g.p99(), 1) + " ms");
    }
}
