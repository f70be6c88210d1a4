package io.storagehub.bench.report;

import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.profile.JfrSummary;
import java.util.List;
import java.util.Map;

/** Renders the evidence of where a phase's time went: CPU per process, sessions, statements, the JFR profile. */
public final class ProfileSection {
    private ProfileSection() {
    }

    public static String cpu(Map<String, Double> cpuSeconds, double wallSeconds) {
        return Markdown.table(List.of("process", "CPU seconds", "cores busy on average"),
                cpuSeconds.entrySet().stream().map(e -> List.of(e.getKey(), Markdown.dec(e.getValue(), 1),
                        Markdown.dec(e.getValue() / wallSeconds, 2))).toList());
    }

    /** As {@link #cpu(Map, double)}, with each process's CPU microseconds per event of the run's {@code events}. */
    public static String cpu(Map<String, Double> cpuSeconds, double wallSeconds, long events) {
        return Markdown.table(List.of("process", "CPU seconds", "cores busy on average", "CPU per event"),
                cpuSeconds.entrySet().stream().map(e -> List.of(e.getKey(), Markdown.dec(e.getValue(), 1),
                        Markdown.dec(e.getValue() / wallSeconds, 2), Markdown.micros(e.getValue() * 1e6 / events)))
                        .toList());
    }

    public static String sessions(Map<String, Double> states) {
        return Markdown.table(List.of("indexer's database sessions (sampled every ~10 ms)", "share of samples"),
                states.entrySet().stream().map(e -> List.of(e.getKey(), Markdown.pct(e.getValue()))).toList());
    }

    public static String statements(List<PgStatements.Statement> statements) {
        return Markdown.table(List.of("calls", "server ms", "rows", "statement"), statements.stream()
                .map(s -> List.of(Markdown.num(s.calls()), Markdown.num(s.totalMillis()), Markdown.num(s.rows()),
                        "`" + s.query().replace("`", "'") + "`")).toList());
    }

    public static String jfr(JfrSummary p) {
        StringBuilder md = new StringBuilder();
        md.append("JFR CPU samples (`jdk.ExecutionSample`): ").append(p.samples()).append(".\n\n");
        md.append("Top frames (self):\n\n").append(Markdown.shares("frame", p.selfFrames(), p.samples()));
        md.append("\nBy package of the top frame:\n\n").append(Markdown.shares("package", p.selfPackages(), p.samples()));
        md.append("\nBy thread:\n\n").append(Markdown.shares("thread", p.threads(), p.samples()));
        md.append("\nProject methods on the stack (inclusive):\n\n")
                .append(Markdown.shares("method", p.projectInclusive(), p.samples()));
        return md.toString();
    }
}
