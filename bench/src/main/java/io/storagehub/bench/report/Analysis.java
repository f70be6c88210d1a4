package io.storagehub.bench.report;

import io.storagehub.bench.backfill.CatchUpResult;
import io.storagehub.bench.backfill.FirstSyncResult;
import io.storagehub.bench.backfill.IndexerRunResult;
import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.freshness.FreshnessResult;
import io.storagehub.bench.profile.JfrSummary;
import io.storagehub.bench.query.QueryResult;
import io.storagehub.bench.rebuild.RebuildResult;
import io.storagehub.indexer.config.RebuildConfig;
import java.util.List;
import java.util.Map;

/** What limits each benchmark, stated from the run's own measurements (no figure here is typed in by hand). */
public final class Analysis {
    private Analysis() {
    }

    public static String firstSync(FirstSyncResult f) {
        IndexerRunResult r = f.run();
        StringBuilder md = new StringBuilder("**What limits the first sync.** ");
        long written = r.statements().stream().filter(s -> s.query().startsWith("INSERT")
                || s.query().startsWith("COPY")).mapToLong(PgStatements.Statement::rows).sum();
        md.append("COPY writes each of the ").append(Markdown.num(f.copy().rows())).append(" final rows once; over ")
                .append("the ").append(Markdown.num(r.events())).append(" events the indexer's top INSERT and COPY ")
                .append("statements alone wrote ").append(Markdown.num(written)).append(" row versions, ")
                .append(Markdown.ratio(written / (double) f.copy().rows())).append(" the final rows. ");
        md.append(whoWasBusy(r)).append("\n\n");
        md.append("**The per-event baseline** commits once per event: ")
                .append(Markdown.dec(1000 / f.perEvent().eventsPerSecond(), 2)).append(" ms per event, most of it ")
                .append("the commit's WAL flush on this disk; batching amortizes that flush over a whole batch.");
        return md.toString();
    }

    public static String catchUp(CatchUpResult c) {
        IndexerRunResult r = c.run();
        return "**What limits the catch-up.** The live path applies the " + Markdown.num(r.events()) + " events in "
                + "order, in batches, reading the rows each batch touches and upserting them, each batch and its "
                + "offset in one transaction, on one consumer thread; per event that cost the indexer "
                + Markdown.micros(c.indexerMicrosPerEvent()) + " and Postgres "
                + Markdown.micros(c.postgresMicrosPerEvent()) + " of CPU. " + whoWasBusy(r);
    }

    /** The CPU split, the indexer's sessions and its profile, as one paragraph. */
    private static String whoWasBusy(IndexerRunResult r) {
        StringBuilder md = new StringBuilder();
        double busy = r.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum() / r.seconds();
        md.append("The indexer, Postgres and the Kafka broker together kept ").append(Markdown.dec(busy, 2))
                .append(" of the machine's cores busy on average (");
        r.cpuSeconds().forEach((k, v) -> md.append(k).append(' ').append(Markdown.dec(v / r.seconds(), 2)).append(", "));
        md.setLength(md.length() - 2);
        md.append("). The indexer's sessions were ").append(share(r.sessionStates(), "executing")).append(" executing ")
                .append("in Postgres (").append(share(r.sessionStates(), "executing: waiting on IO/WAL"))
                .append(" waiting on WAL writes and flushes) and ").append(Markdown.pct(sum(r.sessionStates(), "transaction open")
                        + sum(r.sessionStates(), "no transaction")))
                .append(" waiting for the indexer (inside or between transactions): ");
        md.append(clientOrServer(r.sessionStates())).append(' ');
        md.append("The indexer's CPU profile: ").append(topPackages(r.profile(), 4)).append('.');
        return md.toString();
    }

    public static String rebuild(List<RebuildResult> runs) {
        RebuildResult big = runs.get(runs.size() - 1);
        StringBuilder md = new StringBuilder("**What limits the rebuild.** ");
        md.append("The rebuild runs in bulk mode: it decodes and applies every event in order (batches of ")
                .append(Markdown.num(RebuildConfig.DEFAULT_BATCH))
                .append(" records, one applying thread; the next batch read is decoded on the other cores while ")
                .append("one is applied, so decoding overlaps applying, and the change rows of the batch before ")
                .append("are written to their COPY on a third thread) over a local RocksDB ")
                .append("state store (the entity rows the batches write are held on the heap for several batches ")
                .append("between writes to it), then writes the final rows once with COPY (indexes built after the ")
                .append("load). ")
                .append("The replay, not Postgres, is what COPY does not pay: ")
                .append(Markdown.num(big.eventsPerSecond())).append(" events/s against ")
                .append(Markdown.num(big.copy().rowsPerSecond())).append(" rows/s for COPY (the rebuild's log ")
                .append("gives its own COPY, index and ANALYZE seconds). CPU: ");
        big.cpuSeconds().forEach((k, v) -> md.append(k).append(' ').append(Markdown.dec(v / big.seconds(), 2))
                .append(" cores, "));
        md.append("profile: ").append(topPackages(big.profile(), 4)).append(". ");
        if (runs.size() > 1) {
            RebuildResult small = runs.get(0);
            double growth = RebuildSection.live(big) / RebuildSection.live(small);
            md.append("**Heap**: the typical live set (median after a full GC) was ")
                    .append(Markdown.num(RebuildSection.live(small))).append(" MiB at ").append(Markdown.num(small.events())).append(" events and ")
                    .append(Markdown.num(RebuildSection.live(big))).append(" MiB at ")
                    .append(Markdown.num(big.events())).append(" (").append(Markdown.ratio(growth)).append(" for ")
                    .append(Markdown.ratio(big.events() / (double) small.events())).append(" the events)")
                    .append(growth <= RebuildSection.FLAT ? ": it does not grow with the topic." : ": it grows with "
                            + "the topic; the rebuild's JFR recording's allocation samples show what holds it.");
        }
        return md.toString();
    }

    public static String query(QueryResult r) {
        StringBuilder md = new StringBuilder("**What limits the API.** ");
        QueryResult.Scenario lookup = r.scenario("lookup");
        md.append("wrk, the API's JVM and Postgres share the machine's ").append(Runtime.getRuntime()
                .availableProcessors()).append(" cores. Over the four loads (pgbench's runs included) ");
        r.cpuSeconds().forEach((k, v) -> md.append(k).append(" used ").append(Markdown.dec(v / r.seconds(), 2))
                .append(" cores, "));
        md.setLength(md.length() - 2);
        md.append(". During the lookups the API's pool handed out ").append(Markdown.num(lookup.pool().acquisitions()))
                .append(" connections: a request waited ").append(Markdown.dec(lookup.pool().meanWaitMillis(), 2))
                .append(" ms on average for one and held it ").append(Markdown.dec(lookup.pool().meanHeldMillis(), 2))
                .append(" ms, while wrk kept ").append(r.connections()).append(" requests in flight; pgbench holds a ")
                .append("connection per client. ");
        r.scenarios().stream().filter(s -> s.key().equals("lookupWidePool")).findFirst().ifPresent(w -> md
                .append("With the pool as large as the load (the last row) the API served ")
                .append(Markdown.num(w.api().perSecond())).append(" lookups/s, ").append(Markdown.pct(w.ofDatabase()))
                .append(" of pgbench, p99 ").append(Markdown.dec(w.api().p99Millis(), 1)).append(" ms. "));
        md.append("Per request the API also parses HTTP, runs the data statement (the chain's indexed block ")
                .append("comes from its cache), maps rows and writes JSON; its CPU profile: ")
                .append(topPackages(r.apiProfile(), 5)).append(" (").append(r.apiProfile().samples())
                .append(" samples in ").append(r.connections()).append("-way load: its threads mostly wait). ");
        md.append("At ").append(r.connections()).append(" connections closed-loop latency is about connections / ")
                .append("throughput (Little's law): the database alone answered lookups with p99 ")
                .append(Markdown.dec(lookup.pgbench().p99Millis(), 1)).append(" ms at this concurrency on this ")
                .append("machine, so p99 <= 10 ms at ").append(r.connections()).append(" connections needs more ")
                .append("throughput than even the database ceiling measured here.");
        return md.toString();
    }

    public static String freshness(FreshnessResult r) {
        double applying = r.batches().applySeconds() / r.seconds();
        double writing = r.batches().writeSeconds() / r.seconds();
        double busy = Math.max(applying, writing);
        StringBuilder md = new StringBuilder("**What limits freshness.** While measured, the live indexer committed ")
                .append(Markdown.num(r.batches().batches())).append(" batches of ")
                .append(Markdown.dec(r.batches().meanBatchSize(), 1)).append(" records on average, each taking ")
                .append(Markdown.dec(r.batches().meanBatchMillis(), 1)).append(" ms from the start of its apply to ")
                .append("its commit. The two stages of the pipeline overlap: the polling thread was applying batches ")
                .append("in memory (reading the rows they need) ").append(Markdown.pct(applying))
                .append(" of the time, the writer thread writing and committing them (with the WAL flush) ")
                .append(Markdown.pct(writing)).append(". A block is visible once the batch holding it commits and ")
                .append("its `pg_notify` wakes the API's waiting request, so latency is the wait for the current ")
                .append("batch plus its own. ");
        if (busy > 0.7) {
            md.append("At this utilization the busier stage is close to saturation: a slower stretch (a checkpoint, a ")
                    .append("GC, another process taking the CPU) makes records queue, the next batches grow and the ")
                    .append("latency of the blocks in them grows with the queue, which is the tail above. The fixed ")
                    .append("cost per batch (chain lock, state reads, several upserts, the checkpoint, the commit) ")
                    .append("is what keeps small batches this slow.");
        } else {
            md.append("The consumer had headroom: the tail comes from the batches in flight, not from a queue.");
        }
        return md.toString();
    }

    private static String share(Map<String, Double> states, String prefix) {
        return Markdown.pct(sum(states, prefix));
    }

    private static double sum(Map<String, Double> states, String prefix) {
        return states.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static String clientOrServer(Map<String, Double> states) {
        double server = sum(states, "executing");
        double client = sum(states, "transaction open") + sum(states, "no transaction");
        return client > server
                ? "the indexer's own work (decoding, the projection engine, binding parameters) is the larger part."
                : "Postgres executing the statements is the larger part.";
    }

    private static String topPackages(JfrSummary profile, int n) {
        StringBuilder s = new StringBuilder();
        profile.selfPackages().entrySet().stream().limit(n).forEach(e -> s.append('`').append(e.getKey())
                .append("` ").append(Markdown.pct((double) e.getValue() / profile.samples())).append(", "));
        return s.length() == 0 ? "no samples" : s.substring(0, s.length() - 2);
    }
}
