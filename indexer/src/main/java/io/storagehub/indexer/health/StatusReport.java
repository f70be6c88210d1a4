package io.storagehub.indexer.health;

import io.storagehub.indexer.deadletter.OutboxCounts;
import io.storagehub.schema.event.Position;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** What {@code indexer status} shows: stored checkpoints and lag per partition, chains, dead-letter outbox. */
public record StatusReport(String topic, String schema, List<PartitionStatus> partitions,
                           Map<String, Position> chains, OutboxCounts deadLetters) {

    /** {@code stored} is empty when no batch of the partition was applied. */
    public record PartitionStatus(int partition, OptionalLong stored, long end) {
        public long lag() {
            return end - stored.orElse(0);
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("topic ").append(topic).append(", schema ").append(schema).append('\n');
        out.append(String.format("%-10s %14s %14s %10s%n", "partition", "stored-offset", "end-offset", "lag"));
        for (PartitionStatus p : partitions) {
            out.append(String.format("%-10d %14s %14d %10d%n", p.partition(),
                    p.stored().isPresent() ? Long.toString(p.stored().getAsLong()) : "-", p.end(), p.lag()));
        }
        out.append(String.format("%-24s %12s %8s%n", "chain", "last-block", "index"));
        chains.forEach((chain, position) -> out.append(String.format("%-24s %12d %8d%n", chain,
                position.block(), position.index())));
        out.append("dead letters: ").append(deadLetters.published()).append(" published, ")
                .append(deadLetters.pending()).append(" pending\n");
        return out.toString();
    }
}
