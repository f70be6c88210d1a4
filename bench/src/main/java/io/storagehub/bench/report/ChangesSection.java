package io.storagehub.bench.report;

import io.storagehub.bench.backfill.IndexerRunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost of keeping changes ({@code --compare-changes}): the live catch-up's first half with changes off, its
 * second half with changes on, side by side.
 */
public final class ChangesSection {
    /** Events/s with changes on, at least this share of those with changes off. */
    public static final double GOAL_SHARE = 0.85;

    private ChangesSection() {
    }

    public static List<Goal> goals(IndexerRunResult off, IndexerRunResult on) {
        double share = on.eventsPerSecond() / off.eventsPerSecond();
        return List.of(new Goal("changes kept", "live catch-up with changes >= " + Markdown.pct(GOAL_SHARE)
                + " of the events/s without", Markdown.pct(share) + " (" + Markdown.num(on.eventsPerSecond())
                + " vs " + Markdown.num(off.eventsPerSecond()) + " events/s)", share >= GOAL_SHARE));
    }

    public static String compare(IndexerRunResult off, IndexerRunResult on) {
        StringBuilder md = new StringBuilder("### Catch-up with changes off and on\n\n");
        md.append("The live catch-up split in two halves of the same chain: the first with ")
                .append("`STORAGEHUB_INDEXER_CHANGES=off`, the second, on the read model the first left (slightly ")
                .append("larger), with changes on (the default: every applied event also written to `change` and ")
                .append("`change_key`). Each timed from the indexer's launch until caught up.\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("changes off", off));
        rows.add(row("changes on", on));
        md.append(Markdown.table(List.of("catch-up", "events", "time", "rate", "indexer CPU per event",
                "Postgres CPU per event"), rows));
        md.append("\nWith changes on: ").append(Markdown.pct(on.eventsPerSecond() / off.eventsPerSecond()))
                .append(" of the events/s with changes off.\n");
        return md.toString();
    }

    private static List<String> row(String name, IndexerRunResult r) {
        return List.of(name, Markdown.num(r.events()), Markdown.secs(r.seconds()),
                Markdown.num(r.eventsPerSecond()) + " events/s",
                Markdown.micros(r.microsPerEvent(IndexerRunResult.INDEXER)),
                Markdown.micros(r.microsPerEvent(IndexerRunResult.POSTGRES)));
    }
}
