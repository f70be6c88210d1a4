package io.storagehub.indexer.deadletter;

import io.storagehub.indexer.retry.Failures;
import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.indexer.history.TopicHistory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the dead-letter topic (one partition, broker-default replication, history kept for ever) when it does
 * not exist yet.
 */
final class DlqTopic {

    private DlqTopic() {
    }

    static void ensure(KafkaClientConfig client, String topic, Duration timeout) {
        try (Admin admin = Admin.create(client.properties())) {
            if (admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                            .configs(TopicHistory.PROTECTED)))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw Failures.classify("creating topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw Failures.classify("creating topic " + topic,
                    new org.apache.kafka.common.errors.TimeoutException(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }
}
