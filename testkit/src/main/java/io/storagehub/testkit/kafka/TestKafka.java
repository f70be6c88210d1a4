package io.storagehub.testkit.kafka;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The Kafka cluster of this JVM's tests: the one named by {@value #BOOTSTRAP_ENV} (bootstrap servers) if set,
 * otherwise one embedded {@link KafkaBroker} started on first use and stopped by a shutdown hook. Tests share
 * the cluster and isolate themselves with {@link #uniqueTopic(String)}.
 */
public final class TestKafka {
    public static final String BOOTSTRAP_ENV = "STORAGEHUB_TEST_KAFKA";
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv(BOOTSTRAP_ENV);
            bootstrapServers = external != null && !external.isBlank() ? external.trim() : embedded();
        }
        return bootstrapServers;
    }

    /** {@code prefix} + {@code -} + 10 random lowercase alphanumerics: a topic no other test uses. */
    public static String uniqueTopic(String prefix) {
        StringBuilder name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            name.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return name.toString();
    }

    /**
     * Creates a topic (cluster-default replication, history kept for ever, as the indexer's topics are created)
     * and waits until every partition has a leader.
     */
    public static void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * As {@link #createTopic(String, int)}, with topic configs such as {@code cleanup.policy}; they override
     * the unlimited retention ({@code retention.ms=-1}, {@code retention.bytes=-1}).
     */
    public static void createTopic(String name, int partitions, Map<String, String> configs) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        try (Admin admin = admin()) {
            Map<String, String> all = new HashMap<>(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
            all.putAll(configs);
            NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(all);
            admin.createTopics(List.of(topic)).all().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitLeaders(admin, name, partitions);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** An admin client of the test cluster; the caller closes it. */
    public static Admin admin() {
        return Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static void awaitLeaders(Admin admin, String name, int partitions) throws InterruptedException {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (true) {
            try {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames()
                        .get(5, TimeUnit.SECONDS).get(name);
                if (d.partitions().size() == partitions
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // metadata not propagated yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + name + " has no leaders after " + TOPIC_TIMEOUT);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static String embedded() {
        KafkaBroker broker = KafkaBroker.start(Optional.empty(), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
        return broker.bootstrapServers();
    }
}
