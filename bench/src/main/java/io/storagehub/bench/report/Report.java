package io.storagehub.bench.report;

import io.storagehub.bench.BenchOptions;
import io.storagehub.bench.env.IndexerJvm;
import io.storagehub.bench.env.Machine;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import io.storagehub.indexer.config.RebuildConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** BENCHMARKS.md: the machine, the configuration, the event mix, each benchmark's figures and the goals. */
public final class Report {
    private final BenchOptions options;
    private final Machine machine;
    private final ZonedDateTime started;
    private final String loadAtStart;
    private final List<Goal> goals = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<List<String>> phases = new ArrayList<>();
    private String loadAtEnd = "";
    private Duration took = Duration.ZERO;
    private String postgresVersion = "not started";
    private final List<List<String>> postgresSettings = new ArrayList<>();
    private String mix = "";
    private long poison;

    public Report(BenchOptions options, Machine machine, ZonedDateTime started, String loadAtStart) {
        this.options = options;
        this.machine = machine;
        this.started = started;
        this.loadAtStart = loadAtStart;
    }

    public void postgres(PgCluster pg) throws SQLException {
        try (Connection c = pg.connect(); var st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(Sql.of(Report.class, "version"))) {
                rs.next();
                postgresVersion = rs.getString(1);
            }
            try (ResultSet rs = st.executeQuery(Sql.of(Report.class, "settings"))) {
                while (rs.next()) {
                    String unit = rs.getString("unit");
                    postgresSettings.add(List.of(rs.getString("name"),
                            rs.getString("setting") + (unit == null ? "" : " (unit " + unit + ")")));
                }
            }
        }
    }

    public void mix(String table, long poisonEvents) {
        this.mix = table;
        this.poison = poisonEvents;
    }

    /** A benchmark's section and its goals. */
    public void section(String markdown, List<Goal> sectionGoals) {
        sections.add(markdown);
        goals.addAll(sectionGoals);
    }

    /**
     * A phase's duration, the machine's load average when it started and ended, and how long it waited for the
     * machine to settle before it started.
     */
    public void phase(String name, double seconds, String loadBefore, String loadAfter, String settled) {
        phases.add(List.of(name, settled, Markdown.secs(seconds), loadBefore, loadAfter));
    }

    public void failed(String phase, Throwable error) {
        failures.add(phase + ": " + error);
    }

    public void finish(String load) {
        this.loadAtEnd = load;
        this.took = Duration.between(started, ZonedDateTime.now());
    }

    public void write(Path file) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `bench/run.sh` (").append(command()).append(") on ")
                .append(started.format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(", in ")
                .append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s. ")
                .append("Every figure is a ratio against a baseline measured in the same run, on the same ")
                .append("machine at the same time; absolute numbers are context (the machine is shared and noisy). ")
                .append("See `bench/README.md` for what each benchmark does.\n\n");
        md.append("## Goals\n\n");
        md.append(Markdown.table(List.of("benchmark", "goal", "measured", "verdict"), goals.stream()
                .map(g -> List.of(g.benchmark(), g.target(), g.measured(), Markdown.mark(g.met()))).toList()));
        if (!failures.isEmpty()) {
            md.append("\nPhases that failed in this run:\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        md.append("\n## Machine\n\n");
        md.append(Markdown.table(List.of("what", "value"), List.of(
                List.of("cores (nproc)", Integer.toString(machine.cores())),
                List.of("memory", machine.memory()),
                List.of("CPU", machine.cpuModel()),
                List.of("OS", machine.os()),
                List.of("JDK", machine.jdk()),
                List.of("load average (1/5/15 min) at start", loadAtStart),
                List.of("load average at end", loadAtEnd),
                List.of("Postgres", postgresVersion))));
        md.append("\nThe machine is shared with other people's builds and tests. Before each phase but the first the ")
                .append("harness waits, up to ").append(Machine.SETTLE_MAX.toSeconds()).append(" s, until the CPU was ")
                .append("at most ").append(Math.round(Machine.QUIET_BUSY * 100)).append(" % busy over ")
                .append(Machine.QUIET_WINDOW.toSeconds()).append(" s, so that what a phase leaves running (Postgres ")
                .append("writing out and vacuuming, processes ending) is not measured in the next. Per phase: that wait, ")
                .append("and the load average (runnable processes, against ").append(machine.cores())
                .append(" cores; the query phase's own pgbench runs ").append(options.connections())
                .append(" Postgres backends, which count too):\n\n");
        md.append(Markdown.table(List.of("phase", "waited for a quiet machine", "took",
                "load average at start (1/5/15 min)", "at end"), phases));
        md.append("\nPostgres runs from the machine's own binaries in a fresh cluster, durable: every setting not at ")
                .append("its default is listed.\n\n");
        md.append(Markdown.table(List.of("setting", "value"), postgresSettings));
        md.append("\n## Configuration\n\n");
        md.append(Markdown.table(List.of("option", "value"), List.of(
                List.of("first sync events, and as many behind the catch-up (`--events`)",
                        Markdown.num(options.events())),
                List.of("rebuild events, second size (`--rebuild-events`)", Markdown.num(options.rebuildEvents())),
                List.of("per-event baseline prefix (`--per-event`)", Markdown.num(options.perEventPrefix())),
                List.of("generator", "`ChainGenerator.Config.defaults(\"" + options.chain() + "\", "
                        + options.seed() + ")`: 1 % poison, 8 % other pallets, <= 12 events/block, ~20,000 live files"),
                List.of("Kafka", "in-process KRaft broker (testkit `KafkaBroker`), topic of 1 partition"),
                List.of("live indexer", "`IndexerCli run`, own JVM, " + IndexerJvm.describe(IndexerJvm.RUN)
                        + ", STORAGEHUB_INDEXER_MAX_BATCH="
                        + options.indexerMaxBatch() + ", STORAGEHUB_INDEXER_BULK_DIR under the work directory, "
                        + "other settings default; a JFR recording (profile) during the first sync and the catch-up"),
                List.of("rebuild", "`IndexerCli rebuild --drop-old`, own JVM, "
                        + IndexerJvm.describe(IndexerJvm.REBUILD) + ", default "
                        + "STORAGEHUB_REBUILD_BATCH (" + Markdown.num(RebuildConfig.DEFAULT_BATCH) + "), GC log and JFR "
                        + "recording"),
                List.of("query load", options.connections() + " connections, " + options.querySeconds()
                        + " s measured after a " + Math.max(3, options.querySeconds() / 3) + " s warm-up ("
                        + options.querySeconds() + " s for the first load on a fresh API process)"),
                List.of("freshness", options.freshnessRate() + " events/s for " + options.freshnessSeconds() + " s"),
                List.of("change streams", options.streamFiltered() + " subscribers filtered to one bucket each and "
                        + options.streamUnfiltered() + " unfiltered, live feed at " + options.streamRate()
                        + " events/s for " + options.streamSeconds() + " s"))));
        md.append("\n## Event mix\n\n`Mix.table()` of the first sync's events (").append(Markdown.num(poison))
                .append(" of them poison):\n\n```\n").append(mix).append("```\n");
        sections.forEach(s -> md.append('\n').append(s));
        Files.writeString(file, md.toString());
    }

    private String command() {
        return "`bench/run.sh --events " + options.events() + " --rebuild-events " + options.rebuildEvents()
                + " --phases " + String.join(",", options.phases()) + "`";
    }
}
