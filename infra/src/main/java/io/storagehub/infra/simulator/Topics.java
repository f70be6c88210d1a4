package io.storagehub.infra.simulator;

import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.indexer.history.TopicHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a stack needs when they are missing (brokers here do not auto-create topics), keeping their
 * whole history ({@link TopicHistory#PROTECTED}): the events topic is the source of truth for rebuilds.
 */
public final class Topics {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Topics() {
    }

    /** Creates each missing topic with {@code partitions} partitions and the cluster's default replication. */
    public static void ensure(KafkaClientConfig kafka, Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty())
                            .configs(TopicHistory.PROTECTED));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics + " on " + kafka.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + topics, e);
        }
    }
}
