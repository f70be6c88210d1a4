package io.storagehub.indexer;

import io.storagehub.indexer.cli.IndexerCli;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs indexer commands in-process against the test Kafka and a schema, keeping what the last one printed. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Map<String, String> environment;

    CliRun(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Commands on {@code topic} of the test broker with the read model in {@code schema}. */
    CliRun(String topic, IsolatedSchema schema) {
        this(environment(topic, schema));
    }

    /** The environment of an indexer command on {@code topic} with the read model in {@code schema}. */
    static Map<String, String> environment(String topic, IsolatedSchema schema) {
        return Map.of("STORAGEHUB_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers(),
                "STORAGEHUB_TOPIC", topic,
                "STORAGEHUB_DB_URL", schema.jdbcUrl(),
                "STORAGEHUB_DB_USER", schema.user(),
                "STORAGEHUB_DB_PASSWORD", schema.password(),
                "STORAGEHUB_DB_SCHEMA", schema.name());
    }

    /** Runs one command; returns its exit code ({@link #out} and {@link #err} hold only its output). */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return IndexerCli.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
