package io.storagehub.reliability.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Renders recorded runs as {@code RELIABILITY.md}: a summary table, then every figure of every run. */
final class Report {
    private static final List<String> ORDER = List.of("crash", "postgres-outage", "broker-restart", "poison",
            "replay", "hostile-http", "least-privilege");

    private Report() {
    }

    static String render(List<ScenarioResult> results) {
        List<ScenarioResult> sorted = results.stream().sorted(Comparator
                .comparing((ScenarioResult r) -> rank(r.scenario())).thenComparing(ScenarioResult::profile))
                .toList();
        StringBuilder md = new StringBuilder();
        md.append("# Reliability\n\n")
                .append("What the indexer and the query API promise, proven by tests that break things for real: the\n")
                .append("indexer runs as its own process and is killed with SIGKILL, Postgres and the Kafka broker are\n")
                .append("stopped under it, poison and replayed records are mixed into real chains, and the API is attacked\n")
                .append("with malformed and slow requests. Every figure below is from the last recorded run of its\n")
                .append("scenario (`ci`: the sizes `mvn -B verify` runs; `soak`: `reliability/run.sh`). How the\n")
                .append("scenarios work and how to run them: [reliability/README.md](reliability/README.md).\n\n")
                .append("| scenario | profile | result | faults injected | records lost | records doubled | 5xx | seconds |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : sorted) {
            Map<String, Object> f = r.figures();
            md.append("| ").append(r.scenario()).append(" | ").append(r.profile()).append(" | ").append(r.status())
                    .append(" | ").append(f.get(Scenario.FAULTS)).append(" | ").append(f.get(Scenario.LOST))
                    .append(" | ").append(f.get(Scenario.DOUBLED)).append(" | ").append(f.get(Scenario.HTTP_5XX))
                    .append(" | ").append(r.seconds()).append(" |\n");
        }
        md.append("\nScenarios run: ").append(sorted.size()).append(".\n");
        for (ScenarioResult r : sorted) {
            md.append("\n## ").append(r.scenario()).append(" (").append(r.profile()).append("): ").append(r.title())
                    .append("\n\n")
                    .append("Reproduce: `").append(r.command()).append("`  \n")
                    .append("Result: ").append(r.status()).append(", ").append(r.seconds()).append(" s, finished ")
                    .append(r.finishedAt()).append("\n\n");
            if (r.note() != null) {
                md.append(r.note()).append("\n\n");
            }
            r.figures().forEach((name, value) -> figure(md, name, value));
            r.broken().forEach(b -> md.append("- **broken**: ").append(b).append('\n'));
        }
        return md.toString();
    }

    /** One figure: scalars inline, maps as {@code key=value} pairs, lists one item per nested line. */
    private static void figure(StringBuilder md, String name, Object value) {
        md.append("- ").append(name).append(": ");
        if (value instanceof List<?> list && !list.isEmpty() && !(list.get(0) instanceof Number)) {
            md.append(list.size()).append('\n');
            list.forEach(item -> md.append("  - ").append(inline(item)).append('\n'));
        } else {
            md.append(inline(value)).append('\n');
        }
    }

    private static String inline(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder();
            map.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append('=').append(inline(v)));
            return text.toString();
        }
        String text = String.valueOf(value).replace("\r", "\\r").replace("\n", "\\n").replace("|", "\\|");
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    private static int rank(String scenario) {
        int i = ORDER.indexOf(scenario);
        return i < 0 ? ORDER.size() : i;
    }
}
