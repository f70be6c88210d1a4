package io.storagehub.indexer.history;

import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.indexer.retry.Failures;
import io.storagehub.indexer.retry.FatalFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;

/** Reads a topic's {@link TopicHistory} with an admin client. */
public final class TopicHistoryReader {

    private TopicHistoryReader() {
    }

    public static TopicHistory read(KafkaClientConfig client, String topic, Duration timeout) {
        try (Admin admin = Admin.create(client.properties())) {
            TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames(), timeout)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> earliest = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                            p -> OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResultInfo> offsets = get(admin.listOffsets(earliest).all(), timeout);
            TreeMap<Integer, Long> byPartition = new TreeMap<>();
            offsets.forEach((tp, info) -> byPartition.put(tp.partition(), info.offset()));
            Map<String, String> configs = configs(admin, topic, timeout);
            return new TopicHistory(topic, number(configs.get("retention.ms")),
                    number(configs.get("retention.bytes")), byPartition);
        } catch (ExecutionException e) {
            throw Failures.classify("reading the history of topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw Failures.classify("reading the history of topic " + topic,
                    new org.apache.kafka.common.errors.TimeoutException(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FatalFailure("interrupted while reading the history of topic " + topic, e);
        }
    }

    /** The topic's configs; none when the principal may not describe them (the retention shows as unknown). */
    private static Map<String, String> configs(Admin admin, String topic, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = get(admin.describeConfigs(List.of(resource)).all(), timeout).get(resource);
            return config.entries().stream().filter(e -> e.value() != null)
                    .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value, (a, b) -> a));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return Map.of();
            }
            throw e;
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static OptionalLong number(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
