package io.storagehub.bench.report;

import io.storagehub.bench.backfill.BackfillResult;
import java.util.List;

/** The backfill's section of the report and its two goals. */
public final class BackfillSection {
    private BackfillSection() {
    }

    public static List<Goal> goals(BackfillResult r) {
        return List.of(
                new Goal("backfill", ">= 50 % of the COPY ceiling (COPY time / backfill time, same final state)",
                        Markdown.pct(r.ofCeiling()) + " (" + Markdown.secs(r.copy().took().toNanos() / 1e9) + " vs "
                                + Markdown.secs(r.seconds()) + ")", r.ofCeiling() >= 0.5),
                new Goal("backfill", ">= 25x the transaction-per-event projector",
                        Markdown.ratio(r.overPerEvent()) + " (" + Markdown.num(r.eventsPerSecond()) + " vs "
                                + Markdown.num(r.perEvent().eventsPerSecond()) + " events/s)", r.overPerEvent() >= 25));
    }

    public static String render(BackfillResult r, String analysis) {
        StringBuilder md = new StringBuilder("## 1. Backfill\n\n");
        md.append(Markdown.num(r.events())).append(" generated events already in Kafka, projected by the real ")
                .append("indexer (`IndexerCli run`: live consumer, each batch and its offset in one transaction) into ")
                .append("an empty migrated schema, timed from the process launch until the stored offset reached ")
                .append("the end of the topic. Check after the run: ").append(r.verification()).append(".\n\n");
        md.append(Markdown.table(List.of("what", "time", "rate", "relative"), List.of(
                List.of("**indexer backfill** (launch to caught up)", Markdown.secs(r.seconds()),
                        Markdown.num(r.eventsPerSecond()) + " events/s", "1"),
                List.of("indexer backfill from its first stored checkpoint", Markdown.secs(r.steadySeconds()),
                        Markdown.num(r.steadyEventsPerSecond()) + " events/s", ""),
                List.of("ceiling: COPY of the same final rows (" + Markdown.num(r.copy().rows()) + " rows, "
                                + Markdown.dec(r.copy().bytes() / 1048576.0, 1) + " MiB)",
                        Markdown.secs(r.copy().took().toNanos() / 1e9),
                        Markdown.num(r.copy().rowsPerSecond()) + " rows/s",
                        "backfill takes " + Markdown.ratio(1 / r.ofCeiling()) + " the COPY time"),
                List.of("baseline: one transaction per event (first " + Markdown.num(r.perEvent().events())
                                + " events)", Markdown.secs(r.perEvent().took().toNanos() / 1e9),
                        Markdown.num(r.perEvent().eventsPerSecond()) + " events/s",
                        "backfill is " + Markdown.ratio(r.overPerEvent()) + " faster"))));
        md.append("\nThe COPY rows are the in-memory adapter's final state (`InMemoryQueries.snapshot`) plus what the ")
                .append("indexer also stores (dead letters, one `event_digest` row per block, chain position, ")
                .append("checkpoint); they were loaded into a freshly migrated schema with its indexes, in one ")
                .append("transaction, and read back equal to the reference.\n\n");
        md.append("### Where the backfill's time goes\n\n");
        md.append(ProfileSection.cpu(r.cpuSeconds(), r.seconds())).append('\n');
        md.append(ProfileSection.sessions(r.sessionStates())).append('\n');
        md.append("Server time by statement (`pg_stat_statements`, during the backfill):\n\n");
        md.append(ProfileSection.statements(r.statements())).append('\n');
        md.append(ProfileSection.jfr(r.profile()));
        if (!analysis.isBlank()) {
            md.append('\n').append(analysis).append('\n');
        }
        return md.toString();
    }
}
