package io.storagehub.bench.query;

import io.storagehub.bench.profile.JfrSummary;
import java.util.List;
import java.util.Map;

/** The query benchmark: the read model's size and, per scenario, the API under wrk against pgbench. */
public record QueryResult(QueryDataset.Ids dataset, int deepFiles, int deepPage, int connections,
                          List<Scenario> scenarios, History history, Map<String, Double> cpuSeconds, double seconds,
                          JfrSummary apiProfile) {

    /**
     * The large bucket's history ({@code changes} changes touching its row): its first page against the pages
     * ending at page {@code deepPage}, both through the API under wrk.
     */
    public record History(int changes, int deepPage, int deepPages, Load first, Load deep) {
        /** How much slower the deep pages are served than the first (requests per second). */
        public double deepSlower() {
            return first.perSecond() / deep.perSecond();
        }
    }

    /**
     * One request type: the API through wrk (and its pool meanwhile), the same statements through pgbench, and
     * what a request and a pgbench transaction cost while measured.
     */
    public record Scenario(String key, String description, Load api, Load pgbench, PoolStats pool, LoadCost apiCost,
                           LoadCost pgbenchCost) {
        public double ofDatabase() {
            return api.perSecond() / pgbench.perSecond();
        }
    }

    public Scenario scenario(String key) {
        return scenarios.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
