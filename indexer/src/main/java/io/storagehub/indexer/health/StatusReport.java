package io.storagehub.indexer.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.storagehub.indexer.deadletter.OutboxCounts;
import io.storagehub.indexer.history.TopicHistory;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code indexer status} shows, as of {@code at}: stored checkpoints and lag per partition, each chain's
 * newest indexed block with its time lag, the dead-letter outbox, the topic's history and the read model's size. {@link #render()} is
 * the text form; the JSON form is this record's components.
 */
public record StatusReport(String topic, String schema, Instant at, List<PartitionStatus> partitions,
                           List<ChainStatus> chains, OutboxCounts deadLetters, TopicHistory history,
                           ReadModelSize readModel) {

    /** {@code stored} is empty when no batch of the partition was applied. */
    public record PartitionStatus(int partition, OptionalLong stored, long end) {
        @JsonProperty("lag")
        public long lag() {
            return end - stored.orElse(0);
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("topic ").append(topic).append(", schema ").append(schema).append(", at ").append(at)
                .append('\n');
        renderPartitions(out);
        renderChains(out);
        out.append("dead letters: ").append(deadLetters.published()).append(" published, ")
                .append(deadLetters.pending()).append(" pending\n");
        out.append(history.describe()).append('\n');
        renderSize(out);
        return out.toString();
    }

    private void renderPartitions(StringBuilder out) {
        out.append(String.format("%-10s %14s %14s %10s%n", "partition", "stored-offset", "end-offset", "lag"));
        for (PartitionStatus p : partitions) {
            out.append(String.format("%-10d %14s %14d %10d%n", p.partition(),
                    p.stored().isPresent() ? Long.toString(p.stored().getAsLong()) : "-", p.end(), p.lag()));
        }
    }

    private void renderChains(StringBuilder out) {
        out.append(String.format("%-24s %12s %8s %-24s %10s%n", "chain", "last-block", "index", "block-time",
                "lag-s"));
        for (ChainStatus c : chains) {
            out.append(String.format("%-24s %12d %8d %-24s %10s%n", c.chain(), c.last().block(), c.last().index(),
                    c.lastBlockTime().map(Instant::toString).orElse("-"),
                    c.lagSeconds().isPresent() ? Long.toString(c.lagSeconds().getAsLong()) : "-"));
        }
    }

    private void renderSize(StringBuilder out) {
        out.append("read model: ").append(Bytes.human(readModel.schemaBytes())).append(" in schema ").append(schema)
                .append(", database ").append(Bytes.human(readModel.databaseBytes())).append('\n');
        out.append(String.format("%-28s %14s %12s%n", "table", "rows", "bytes"));
        boolean estimates = false;
        for (ReadModelSize.Table t : readModel.tables()) {
            estimates |= t.rowsEstimated();
            out.append(String.format("%-28s %14s %12s%n", t.name(), (t.rowsEstimated() ? "~" : "") + t.rows(),
                    Bytes.human(t.bytes())));
        }
        if (estimates) {
            out.append("~ estimated from the planner's statistics (last VACUUM / ANALYZE)\n");
        }
    }
}
