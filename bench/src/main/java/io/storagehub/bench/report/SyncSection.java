package io.storagehub.bench.report;

import io.storagehub.bench.backfill.CatchUpResult;
import io.storagehub.bench.backfill.ChangesCostResult;
import io.storagehub.bench.backfill.FirstSyncResult;
import io.storagehub.bench.backfill.IndexerRunResult;
import io.storagehub.bench.env.IndexerJvm;
import java.util.ArrayList;
import java.util.List;

/** The sync section: the first sync against COPY, the live catch-up's CPU per event, and their goals. */
public final class SyncSection {
    private SyncSection() {
    }

    public static List<Goal> goals(FirstSyncResult r) {
        double ratio = r.overCopy();
        return List.of(new Goal("first sync", "<= " + Markdown.ratio(FirstSyncResult.GOAL_OVER_COPY)
                + " the COPY of the same final rows (stretch: " + Markdown.ratio(FirstSyncResult.STRETCH_OVER_COPY) + ")",
                Markdown.ratio(ratio) + " (" + Markdown.secs(r.run().seconds()) + " vs "
                        + Markdown.secs(r.copy().took().toNanos() / 1e9) + ")"
                        + (ratio <= FirstSyncResult.STRETCH_OVER_COPY ? ", stretch met" : ""),
                ratio <= FirstSyncResult.GOAL_OVER_COPY));
    }

    public static List<Goal> goals(CatchUpResult r) {
        String behind = " (" + Markdown.num(r.run().events()) + " events behind)";
        return List.of(
                new Goal("live catch-up", "indexer CPU <= " + Markdown.dec(CatchUpResult.GOAL_INDEXER_MICROS, 0)
                        + " \u00b5s per event" + behind, perEvent(r.run(), IndexerRunResult.INDEXER), r.indexerMet()),
                new Goal("live catch-up", "Postgres CPU <= " + Markdown.dec(CatchUpResult.GOAL_POSTGRES_MICROS, 0)
                        + " \u00b5s per event, all backends" + behind, perEvent(r.run(), IndexerRunResult.POSTGRES),
                        r.postgresMet()));
    }

    /** The measured figure of a CPU goal: over the whole run, with the steady figure as context. */
    static String perEvent(IndexerRunResult run, String process) {
        String whole = Markdown.micros(run.microsPerEvent(process)) + " (" + Markdown.dec(run.cpuSeconds()
                .getOrDefault(process, Double.NaN), 1) + " CPU s, launch to caught up)";
        return run.steadyEvents() == 0 ? whole : whole + "; from the first commit on "
                + Markdown.micros(run.steadyMicrosPerEvent(process));
    }

    public static List<Goal> goals(ChangesCostResult r) {
        return List.of(new Goal("changes stored", "live catch-up with changes stored >= "
                + Markdown.pct(ChangesCostResult.GOAL_SHARE) + " of the events/s with changes off",
                Markdown.pct(r.share()) + " (" + Markdown.num(r.onEventsPerSecond()) + " vs "
                        + Markdown.num(r.off().run().eventsPerSecond()) + " events/s)", r.met()));
    }

    /** The cost of storing changes: the catch-up with changes stored, switched off, and stored again. */
    public static String changesCost(ChangesCostResult r) {
        StringBuilder md = new StringBuilder("## 6. What storing changes costs\n\n");
        md.append("After the other phases, three live catch-ups of ").append(Markdown.num(r.off().run().events()))
                .append(" events each continuing the same chain (`IndexerCli run` started for each, as in the ")
                .append("catch-up above): changes stored, then `").append(ChangesCostResult.OFF_KEY)
                .append("=off`, then stored again; the goal compares the mean of the two runs with changes stored ")
                .append("with the run without, which cancels the drift of a growing read model.\n\n");
        md.append(Markdown.table(List.of("run", "events", "time", "events/s", "indexer CPU per event",
                "Postgres CPU per event", "check"), List.of(
                row("changes stored", r.on()), row("changes off", r.off()), row("changes stored again", r.onAgain()))));
        md.append("\nWith changes stored the catch-up ran at ").append(Markdown.pct(r.share()))
                .append(" of the events/s without.\n");
        return md.toString();
    }

    private static List<String> row(String what, CatchUpResult c) {
        return List.of(what, Markdown.num(c.run().events()), Markdown.secs(c.run().seconds()),
                Markdown.num(c.run().eventsPerSecond()), Markdown.dec(c.indexerMicrosPerEvent(), 1) + " \u00b5s",
                Markdown.dec(c.postgresMicrosPerEvent(), 1) + " \u00b5s", c.verification());
    }

    public static String firstSync(FirstSyncResult r, String analysis) {
        IndexerRunResult run = r.run();
        StringBuilder md = new StringBuilder("## 1. Sync: first sync and live catch-up\n\n### First sync\n\n");
        md.append(Markdown.num(run.events())).append(" generated events already in Kafka, an empty migrated ")
                .append("schema, then the real indexer (`IndexerCli run`, its own JVM, ")
                .append(IndexerJvm.describe(IndexerJvm.RUN)).append("; it chooses its own ")
                .append("path, a bulk first sync where it has one) timed from the process launch until the stored ")
                .append("offset reached the end of the topic. Check after the run: ").append(r.verification())
                .append(".\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("**first sync** (launch to caught up)", Markdown.secs(run.seconds()),
                Markdown.num(run.eventsPerSecond()) + " events/s", "1"));
        if (run.steadyEvents() > 0) {
            rows.add(List.of("first sync from its first stored checkpoint (" + Markdown.num(run.steadyEvents())
                    + " events)", Markdown.secs(run.steadySeconds()), Markdown.num(run.steadyEventsPerSecond())
                    + " events/s", ""));
        }
        rows.add(List.of("ceiling: COPY of the same final rows (" + Markdown.num(r.copy().rows()) + " rows, "
                        + Markdown.dec(r.copy().bytes() / 1048576.0, 1) + " MiB)",
                Markdown.secs(r.copy().took().toNanos() / 1e9), Markdown.num(r.copy().rowsPerSecond()) + " rows/s",
                "first sync takes " + Markdown.ratio(r.overCopy()) + " the COPY time"));
        rows.add(List.of("baseline: one transaction per event (first " + Markdown.num(r.perEvent().events())
                        + " events)", Markdown.secs(r.perEvent().took().toNanos() / 1e9),
                Markdown.num(r.perEvent().eventsPerSecond()) + " events/s",
                "first sync is " + Markdown.ratio(r.overPerEvent()) + " faster"));
        md.append(Markdown.table(List.of("what", "time", "rate", "relative"), rows));
        md.append("\nThe COPY rows are the in-memory adapter's final state (`InMemoryQueries.snapshot`) plus what the ")
                .append("indexer also stores (dead letters, one `event_digest` row per block, chain position, ")
                .append("checkpoint); they were loaded into a freshly migrated schema with its indexes, in one ")
                .append("transaction, and read back equal to the reference.\n\n");
        md.append("#### Where the first sync's time goes\n\n");
        evidence(md, run, "the first sync");
        return append(md, analysis);
    }

    public static String catchUp(CatchUpResult r, String analysis) {
        IndexerRunResult run = r.run();
        StringBuilder md = new StringBuilder("### Live catch-up\n\n");
        md.append("The read model the first sync left (").append(Markdown.num(r.readModelEvents()))
                .append(" events) with the indexer stopped; the same chain continued by ")
                .append(Markdown.num(run.events())).append(" events in Kafka, then `IndexerCli run` started again ")
                .append("(its own JVM, ").append(IndexerJvm.describe(IndexerJvm.RUN))
                .append(", the live path from its stored checkpoint), timed from the launch until ")
                .append("the stored offset reached the end of the topic. Check after the run: ")
                .append(r.verification()).append(".\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("**catch-up** (launch to caught up)", Markdown.secs(run.seconds()),
                Markdown.num(run.eventsPerSecond()) + " events/s",
                Markdown.micros(run.microsPerEvent(IndexerRunResult.INDEXER)),
                Markdown.micros(run.microsPerEvent(IndexerRunResult.POSTGRES)),
                Markdown.micros(run.microsPerEvent(IndexerRunResult.HARNESS))));
        if (run.steadyEvents() > 0) {
            rows.add(List.of("from its first stored checkpoint (" + Markdown.num(run.steadyEvents()) + " events)",
                    Markdown.secs(run.steadySeconds()), Markdown.num(run.steadyEventsPerSecond()) + " events/s",
                    Markdown.micros(run.steadyMicrosPerEvent(IndexerRunResult.INDEXER)),
                    Markdown.micros(run.steadyMicrosPerEvent(IndexerRunResult.POSTGRES)),
                    Markdown.micros(run.steadyMicrosPerEvent(IndexerRunResult.HARNESS))));
        }
        md.append(Markdown.table(List.of("what", "time", "rate", "indexer CPU per event",
                "Postgres CPU per event", "harness (Kafka broker) CPU per event"), rows));
        md.append("\nThe goals (indexer <= ").append(Markdown.dec(CatchUpResult.GOAL_INDEXER_MICROS, 0))
                .append(" \u00b5s, Postgres <= ").append(Markdown.dec(CatchUpResult.GOAL_POSTGRES_MICROS, 0))
                .append(" \u00b5s per event) are judged on the whole run, JVM start and JIT warm-up included; the ")
                .append("second row leaves them out. Postgres CPU includes the harness's own polling of the ")
                .append("checkpoint and of `pg_stat_activity` (about 150 small queries a second).\n\n");
        md.append("#### Where the catch-up's time goes\n\n");
        evidence(md, run, "the catch-up");
        return append(md, analysis);
    }

    private static void evidence(StringBuilder md, IndexerRunResult run, String what) {
        md.append(ProfileSection.cpu(run.cpuSeconds(), run.seconds(), run.events())).append('\n');
        md.append(ProfileSection.sessions(run.sessionStates())).append('\n');
        md.append("Server time by statement (`pg_stat_statements`, during ").append(what).append("):\n\n");
        md.append(ProfileSection.statements(run.statements())).append('\n');
        md.append(ProfileSection.jfr(run.profile()));
    }

    private static String append(StringBuilder md, String analysis) {
        if (!analysis.isBlank()) {
            md.append('\n').append(analysis).append('\n');
        }
        return md.toString();
    }
}
