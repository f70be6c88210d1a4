package io.storagehub.bench.report;

import io.storagehub.bench.query.Load;
import io.storagehub.bench.query.LoadCost;
import io.storagehub.bench.query.QueryResult;
import java.util.ArrayList;
import java.util.List;

/** The query API's section: per request type, the API under wrk against pgbench, and the goals. */
public final class QuerySection {
    private QuerySection() {
    }

    public static List<Goal> goals(QueryResult r) {
        QueryResult.Scenario lookup = r.scenario("lookup");
        QueryResult.Scenario listing = r.scenario("listing");
        QueryResult.Scenario page1 = r.scenario("page1");
        QueryResult.Scenario deep = r.scenario("deep");
        double deepSlower = page1.api().perSecond() / deep.api().perSecond();
        List<Goal> goals = new ArrayList<>();
        goals.add(new Goal("query", ">= 60 % of pgbench for lookups", Markdown.pct(lookup.ofDatabase()) + " ("
                + Markdown.num(lookup.api().perSecond()) + " vs " + Markdown.num(lookup.pgbench().perSecond())
                + " per s)", lookup.ofDatabase() >= 0.6));
        double p99Ratio = lookup.api().p99Millis() / lookup.pgbench().p99Millis();
        goals.add(new Goal("query", "lookup p99 <= 2x pgbench's p99 at " + r.connections() + " connections",
                Markdown.ratio(p99Ratio) + " (" + Markdown.dec(lookup.api().p99Millis(), 1) + " vs "
                        + Markdown.dec(lookup.pgbench().p99Millis(), 1) + " ms)", p99Ratio <= 2));
        goals.add(new Goal("query", "p99 <= 10 ms at " + r.connections() + " connections (" + listing.key() + ")",
                Markdown.dec(listing.api().p99Millis(), 1) + " ms", listing.api().p99Millis() <= 10));
        goals.add(new Goal("query", "page " + Markdown.num(r.deepPage()) + " within 1.5x of page 1",
                Markdown.ratio(deepSlower) + " (" + Markdown.num(deep.api().perSecond()) + " vs "
                        + Markdown.num(page1.api().perSecond()) + " req/s; p50 " + Markdown.dec(deep.api().p50Millis(), 1)
                        + " vs " + Markdown.dec(page1.api().p50Millis(), 1) + " ms)", deepSlower <= 1.5));
        QueryResult.History h = r.history();
        goals.add(new Goal("query", "history page " + Markdown.num(h.deepPage()) + " of a busy bucket within 1.5x of "
                + "its first page", Markdown.ratio(h.deepSlower()) + " (" + Markdown.num(h.deep().perSecond()) + " vs "
                + Markdown.num(h.first().perSecond()) + " req/s; p50 " + Markdown.dec(h.deep().p50Millis(), 1) + " vs "
                + Markdown.dec(h.first().p50Millis(), 1) + " ms)", h.deepSlower() <= 1.5));
        return goals;
    }

    public static String render(QueryResult r, String analysis) {
        StringBuilder md = new StringBuilder("## 3. Query API\n\n");
        md.append("The rebuilt read model (").append(Markdown.num(r.dataset().files())).append(" files, ")
                .append(Markdown.num(r.dataset().listableFiles())).append(" not deleted, ")
                .append(Markdown.num(r.dataset().buckets())).append(" buckets), which includes one large bucket of ")
                .append(Markdown.num(r.deepFiles())).append(" stored files added by COPY: the generator's buckets ")
                .append("hold at most a few dozen listable files, too few for a deep page. The API (`io.storagehub.")
                .append("api.Main`, own JVM, default pool of 10 connections) under `wrk -t2 -c")
                .append(r.connections()).append(" --latency` with a Lua script that picks a random path per request; ")
                .append("pgbench (`-M prepared -c ").append(r.connections()).append(" -j 2`) runs what the API runs ")
                .append("per request: the data statement (`JdbiStorageQueries/file.sql` or `bucketFiles.sql`) alone, ")
                .append("as the API serves the X-Indexed-Block from its cache of each chain's indexed block (kept ")
                .append("current by the indexer's notifications, re-read after at most 1 s), with the same ")
                .append("parameters, drawn at random from a prepared table. Deep-page cursors were obtained by ")
                .append("walking the list through the API. Each load is measured after a warm-up of the same paths: a ")
                .append("third of its length, and for the first load on a fresh API process its whole length (its JIT ")
                .append("compiler is still at work for several seconds).\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (QueryResult.Scenario s : r.scenarios()) {
            rows.add(row(s.description() + ": **API**", s.api(), Markdown.pct(s.ofDatabase()) + " of pgbench",
                    Markdown.dec(s.pool().meanWaitMillis(), 2) + " / " + Markdown.dec(s.pool().meanHeldMillis(), 2)
                            + " ms"));
            if (!s.key().equals("lookupWidePool")) {
                rows.add(row(s.description() + ": pgbench", s.pgbench(), "", ""));
            }
        }
        md.append(Markdown.table(List.of("request", "per second", "p50", "p99", "requests", "errors", "relative",
                "API pool: mean wait / held per connection"), rows));
        md.append("\nCost per request (API) and per transaction (pgbench) over the measured loads: CPU of the API ")
                .append("process, of Postgres (all backends) and of the whole machine (every process: wrk or pgbench ")
                .append("included), and on the server the statements executed (`pg_stat_statements`, top level), their ")
                .append("execution time and the transactions. Execution time is elapsed, not CPU: with more backends ")
                .append("running than cores (pgbench runs 64, the API's pool 10) it includes waiting for a core:\n\n");
        List<List<String>> costs = new ArrayList<>();
        for (QueryResult.Scenario s : r.scenarios()) {
            costs.add(cost(s.description() + ": **API**", s.apiCost()));
            if (!s.key().equals("lookupWidePool")) {
                costs.add(cost(s.description() + ": pgbench", s.pgbenchCost()));
            }
        }
        md.append(Markdown.table(List.of("request", "API CPU", "Postgres CPU", "machine CPU", "statements",
                "server execution", "transactions"), costs));
        QueryResult.History h = r.history();
        md.append("\nHistory of the large bucket (").append(Markdown.num(h.changes())).append(" changes of its row, ")
                .append("added by COPY): its first page against pages ").append(Markdown.num(h.deepPage() - h.deepPages() + 1))
                .append("..").append(Markdown.num(h.deepPage())).append(" (`?limit=100&cursor=`, newest first, random of ")
                .append(h.deepPages()).append(" cursors obtained by walking the history through the API):\n\n")
                .append(Markdown.table(List.of("request", "per second", "p50", "p99", "requests", "errors", "relative",
                        "API pool: mean wait / held per connection"), List.of(
                        row("`GET /buckets/{id}/history?limit=100`, page 1", h.first(), "", ""),
                        row("the same, pages up to " + Markdown.num(h.deepPage()), h.deep(),
                                Markdown.ratio(h.deepSlower()) + " slower", ""))));
        md.append("\nCPU during the four loads (").append(Markdown.secs(r.seconds())).append(", wrk and pgbench runs ")
                .append("including warm-ups):\n\n").append(ProfileSection.cpu(r.cpuSeconds(), r.seconds())).append('\n');
        md.append("Query API profile (a further lookup load with a JFR recording started by `jcmd`; the measured ")
                .append("loads above ran without one):\n\n").append(ProfileSection.jfr(r.apiProfile()));
        if (!analysis.isBlank()) {
            md.append('\n').append(analysis).append('\n');
        }
        return md.toString();
    }

    private static List<String> cost(String what, LoadCost c) {
        return List.of(what, Markdown.dec(c.apiMicros(), 0) + " µs", Markdown.dec(c.postgresMicros(), 0) + " µs",
                Markdown.dec(c.machineMicros(), 0) + " µs", Markdown.dec(c.statements(), 2),
                Markdown.dec(c.execMicros(), 1) + " µs", Markdown.dec(c.transactions(), 2));
    }

    private static List<String> row(String what, Load l, String relative, String pool) {
        return List.of(what, Markdown.num(l.perSecond()), Markdown.dec(l.p50Millis(), 2) + " ms",
                Markdown.dec(l.p99Millis(), 2) + " ms", Markdown.num(l.requests()), Long.toString(l.errors()),
                relative, pool);
    }
}
