package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.indexer.cli.IndexerCli;
import io.storagehub.indexer.config.DbConfig;
import io.storagehub.indexer.config.HttpConfig;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.config.Settings;
import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiProjection;
import io.storagehub.projection.jdbi.JdbiReadModelExport;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.kafka.KafkaBroker;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer against a broker that requires SASL (SASL_PLAINTEXT, PLAIN): every client (the publish command's
 * producer, the consumer, the dead-letter relay's admin client and transactional producer) authenticates with
 * the configured credentials, whose password holds a quote and a backslash; wrong credentials stop the process
 * at once with an error naming the settings.
 */
class KafkaSaslIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String USER = "indexer";
    private static final String PASSWORD = "s3cr\"et\\pw";
    private static KafkaBroker broker;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(Optional.empty(), 0, Map.of(USER, PASSWORD));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Map<String, String> env(IsolatedSchema schema, String topic, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("STORAGEHUB_KAFKA_BOOTSTRAP", broker.saslBootstrapServers());
        env.put("STORAGEHUB_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("STORAGEHUB_KAFKA_SASL_MECHANISM", "PLAIN");
        env.put("STORAGEHUB_KAFKA_SASL_USERNAME", USER);
        env.put("STORAGEHUB_KAFKA_SASL_PASSWORD", password);
        env.put("STORAGEHUB_TOPIC", topic);
        env.put("STORAGEHUB_INDEXER_GROUP", "indexer-" + topic);
        env.put("STORAGEHUB_DB_URL", schema.jdbcUrl());
        env.put("STORAGEHUB_DB_USER", schema.user());
        env.put("STORAGEHUB_DB_PASSWORD", schema.password());
        env.put("STORAGEHUB_DB_SCHEMA", schema.name());
        env.put("STORAGEHUB_INDEXER_HTTP_PORT", "0");
        return env;
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    @Test
    void indexer_authenticatesWithSasl_andIndexesEventsEndToEnd() throws Exception {
        String topic = "sasl-events";
        createTopic(topic);
        List<Envelope> events = Chains.generate(Chains.ALPHA, 61, 40);
        List<String> lines = new ArrayList<>();
        EventEncoder encoder = new EventEncoder();
        events.forEach(e -> lines.add(encoder.toJson(e)));
        Path file = Files.write(dir.resolve("events.jsonl"), lines);
        Path poison = Files.writeString(dir.resolve("poison.jsonl"), "{\"v\":1,\"chain\":\"alpha\"}\n");
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            Map<String, String> env = env(schema, topic, PASSWORD);
            // given: events and one poison record published through SASL by the publish command
            assertThat(cli(env, "publish", file.toString())).isZero();
            assertThat(cli(env, "publish", "--raw", poison.toString())).isZero();
            Settings settings = Settings.of(env);
            // when
            try (LiveIndexer indexer = LiveIndexer.start(IndexerConfig.from(settings), DbConfig.from(settings),
                    new HttpConfig("127.0.0.1", 0), Testbed.FAST_RETRY, true);
                 HikariDataSource pool = Pools.create(new PoolConfig(schema.jdbcUrl(), schema.user(),
                         schema.password(), schema.name(), 2, Duration.ofSeconds(30), "test-read", false))) {
                Jdbi jdbi = Databases.jdbi(pool);
                JdbiProjection projection = new JdbiProjection(jdbi);
                // then: indexed to the end, the poison record dead-lettered and published by the relay
                Wait.until(TIMEOUT, "indexed through SASL",
                        () -> projection.checkpoint(topic, 0).map(SourceOffset::nextOffset).orElse(0L)
                                == events.size() + 1);
                assertThat(new JdbiReadModelExport(jdbi).snapshot(Chains.ALPHA))
                        .isEqualTo(new Reference().apply(events).snapshot(Chains.ALPHA));
                Wait.until(TIMEOUT, "dead letter published through SASL",
                        () -> jdbi.withHandle(DeadLetterOutbox::counts).published() == 1);
                assertThat(indexer.consumer().fatal()).isEmpty();
            }
        }
    }

    @Test
    void wrongPassword_stopsTheIndexer_withAnErrorNamingTheCredentialSettings() throws Exception {
        String topic = "sasl-denied";
        createTopic(topic);
        String wrong = "not-the-password";
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            // when: no retry loop, the process ends on its own
            int exit = assertTimeoutPreemptively(TIMEOUT, () -> cli(env(schema, topic, wrong), "run"));
            // then
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("fatal:", "Kafka rejected the credentials",
                    "STORAGEHUB_KAFKA_SASL_USERNAME", "STORAGEHUB_KAFKA_SASL_PASSWORD").doesNotContain(wrong);
        }
    }

    private int cli(Map<String, String> env, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return IndexerCli.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
