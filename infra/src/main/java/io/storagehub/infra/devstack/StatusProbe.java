package io.storagehub.infra.devstack;

import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.infra.simulator.ChainSimulator;
import io.storagehub.projection.Projection;
import io.storagehub.projection.SourceOffset;
import io.storagehub.schema.event.Position;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Samples the stack's progress: the topic's end offsets against the read model's stored checkpoints. */
final class StatusProbe implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String topic;
    private final String chain;
    private final Projection projection;
    private final IndexerMetrics metrics;
    private final Optional<ChainSimulator> simulator;

    StatusProbe(KafkaClientConfig kafka, String topic, String chain, Projection projection, IndexerMetrics metrics,
                Optional<ChainSimulator> simulator) {
        this.admin = Admin.create(kafka.properties());
        this.topic = topic;
        this.chain = chain;
        this.projection = projection;
        this.metrics = metrics;
        this.simulator = simulator;
    }

    StackStatus sample() {
        Map<TopicPartition, Long> ends = endOffsets();
        long inTopic = ends.values().stream().mapToLong(Long::longValue).sum();
        long indexed = ends.keySet().stream()
                .mapToLong(tp -> projection.checkpoint(topic, tp.partition()).map(SourceOffset::nextOffset).orElse(0L))
                .sum();
        Position last = projection.chainPositions().get(chain);
        return new StackStatus(simulator.map(s -> s.state().emitted()).orElse(inTopic), inTopic, indexed,
                last == null ? OptionalLong.empty() : OptionalLong.of(last.block()),
                metrics.records(IndexerMetrics.APPLIED), metrics.records(IndexerMetrics.DEAD_LETTERED));
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
