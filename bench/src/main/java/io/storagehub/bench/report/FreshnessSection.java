package io.storagehub.bench.report;

import io.storagehub.bench.env.PgStatements;
import io.storagehub.bench.freshness.FreshnessBench;
import io.storagehub.bench.freshness.FreshnessResult;
import java.util.List;

/** The freshness section: produce-to-visible latency percentiles at a steady rate. */
public final class FreshnessSection {
    private FreshnessSection() {
    }

    /** The goal's rate, events/s; a run at a lower rate, or one whose producer fell short of it, misses it. */
    static final int GOAL_RATE = 5_000;
    static final double GOAL_P99_MILLIS = 250;
    /** Share of the goal's rate the paced producer must achieve for the run to count. */
    static final double RATE_TOLERANCE = 0.95;

    public static List<Goal> goals(FreshnessResult r) {
        boolean atRate = r.targetRate() >= GOAL_RATE && r.achievedRate() >= RATE_TOLERANCE * GOAL_RATE;
        String measured = (r.samples() == 0 ? "no long-poll answered within its 10 s wait"
                : ms(r.p99()) + " (p50 " + ms(r.p50()) + ")") + " at "
                + Markdown.num(r.achievedRate()) + " events/s achieved"
                + (r.failures() == 0 ? "" : ", " + r.failures() + " failed requests")
                + (atRate ? "" : ": below the goal's rate");
        return List.of(new Goal("freshness", "p99 <= " + Markdown.num(GOAL_P99_MILLIS) + " ms at "
                + Markdown.num(GOAL_RATE) + " events/s", measured,
                atRate && r.p99() <= GOAL_P99_MILLIS && r.failures() == 0));
    }

    public static String render(FreshnessResult r, String analysis) {
        StringBuilder md = new StringBuilder("## 4. Freshness\n\n");
        md.append("The live indexer (`IndexerCli run`) and the query API running; the chain continued at ")
                .append(Markdown.num(r.targetRate())).append(" events/s (whole blocks, paced; achieved ")
                .append(Markdown.num(r.achievedRate())).append(" events/s). Every ~50 ms a block is sampled: as it is ")
                .append("sent to Kafka a request `GET /v1/chains/{chain}/msps?limit=1&minBlock=<block>&waitMs=10000` ")
                .append("starts, and its answer (200 once the chain is indexed up to that block) marks the block ")
                .append("visible. Before the feed the read model was vacuumed and analyzed after the query phase's ")
                .append("bulk load, and the indexer applied the ").append(Markdown.num(r.warmup().backlogRecords()))
                .append(" records left in the topic. The indexer and the API start cold, so the window opens after ")
                .append("a warm-up: at least 10 s and until the indexer keeps up with the feed (every block sent ")
                .append("0.5 s earlier has committed), at most ").append(FreshnessBench.MAX_WARMUP_SECONDS)
                .append(" s (a cold indexer that fell behind first drains what queued meanwhile). ")
                .append(r.seconds()).append(" s measured after ")
                .append("a warm-up of ").append(Markdown.dec(r.warmup().seconds(), 1)).append(" s")
                .append(r.warmup().keptUp() ? " (the indexer kept up with the feed)"
                        : " (its bound: the indexer was not keeping up with the feed)").append(".\n\n");
        md.append(Markdown.table(List.of("samples", "failed", "p50", "p90", "p99", "max"), List.of(List.of(
                Integer.toString(r.samples()), Integer.toString(r.failures()), ms(r.p50()), ms(r.p90()), ms(r.p99()),
                ms(r.max())))));
        if (!analysis.isBlank()) {
            md.append('\n').append(analysis).append('\n');
        }
        if (!r.statements().isEmpty()) {
            double serverMillis = r.statements().stream().mapToDouble(PgStatements.Statement::totalMillis).sum();
            md.append("\nServer time by statement (`pg_stat_statements`, every session, during the measured window)")
                    .append(r.batches().batches() > 0 ? ": these statements took " + Markdown.dec(serverMillis
                            / r.batches().batches(), 1) + " ms of server time per batch committed" : "")
                    .append(".\n\n").append(ProfileSection.statements(r.statements()));
        }
        return md.toString();
    }

    /** Milliseconds with one decimal, or a dash where no request was answered. */
    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : Markdown.dec(millis, 1) + " ms";
    }
}
