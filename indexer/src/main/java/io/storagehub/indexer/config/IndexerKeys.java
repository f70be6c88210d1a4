package io.storagehub.indexer.config;

import io.storagehub.config.Key;
import io.storagehub.config.Settings;
import java.util.List;
import java.util.Map;

/** Every key the indexer reads, with its default, in the order {@code --help} lists them. */
public final class IndexerKeys {
    private static final RetryConfig RETRY = RetryConfig.defaults();
    private static final RebuildConfig REBUILD = RebuildConfig.from(Settings.of(Map.of()));
    public static final List<Key> ALL = List.of(
            new Key(IndexerConfig.BOOTSTRAP, IndexerConfig.DEFAULT_BOOTSTRAP, "Kafka bootstrap servers"),
            new Key(DbConfig.URL, DbConfig.DEFAULT_URL, "Postgres JDBC URL (jdbc:postgresql:...)"),
            new Key(DbConfig.USER, DbConfig.DEFAULT_USER, "Postgres user"),
            new Key(DbConfig.PASSWORD, "", "Postgres password"),
            new Key(IndexerConfig.TOPIC, IndexerConfig.DEFAULT_TOPIC, "events topic"),
            new Key(DbConfig.SCHEMA, DbConfig.DEFAULT_SCHEMA,
                    "schema of the read model, [a-z_][a-z0-9_], 1.." + DbConfig.MAX_SCHEMA_CHARS + " chars"),
            new Key(IndexerConfig.GROUP, IndexerConfig.DEFAULT_GROUP, "consumer group"),
            new Key(IndexerConfig.INSTANCE_ID, "",
                    "static group member id (the pod name in a StatefulSet); empty: a dynamic member"),
            new Key(IndexerConfig.SESSION_TIMEOUT, millis(IndexerConfig.DEFAULT_SESSION_TIMEOUT.toMillis()),
                    "group session timeout in ms, 6000..300000"),
            new Key(KafkaClientConfig.SECURITY_PROTOCOL, "PLAINTEXT", "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL"),
            new Key(KafkaClientConfig.SASL_MECHANISM, "", "PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (with SASL_*)"),
            new Key(KafkaClientConfig.SASL_USERNAME, "", "SASL user name"),
            new Key(KafkaClientConfig.SASL_PASSWORD, "", "SASL password"),
            new Key(KafkaClientConfig.TRUSTSTORE_LOCATION, "", "TLS trust store file (SSL, SASL_SSL)"),
            new Key(KafkaClientConfig.TRUSTSTORE_PASSWORD, "", "TLS trust store password"),
            new Key(KafkaClientConfig.KEYSTORE_LOCATION, "", "TLS key store file, for client certificates"),
            new Key(KafkaClientConfig.KEYSTORE_PASSWORD, "", "TLS key store password"),
            new Key(KafkaClientConfig.KEY_PASSWORD, "", "TLS private key password"),
            new Key(KafkaClientConfig.PROPERTIES_FILE, "",
                    "Kafka client .properties file applied to every client, for any other setting"),
            new Key(HttpConfig.PORT, Integer.toString(HttpConfig.DEFAULT_PORT),
                    "port of /metrics /health /ready, 0..65535 (0 = any free port)"),
            new Key(IndexerConfig.DLQ_TOPIC, "<topic>.dlq", "dead-letter topic, other than the events topic"),
            new Key(HttpConfig.HOST, HttpConfig.DEFAULT_HOST, "interface of the HTTP port"),
            new Key(IndexerConfig.MAX_BATCH, Integer.toString(IndexerConfig.DEFAULT_MAX_BATCH),
                    "records per poll / batch, 1..100000"),
            new Key(IndexerConfig.POLL_TIMEOUT, millis(IndexerConfig.DEFAULT_POLL_TIMEOUT.toMillis()),
                    "poll timeout in ms, 10..60000"),
            new Key(DbConfig.POOL_SIZE, Integer.toString(DbConfig.DEFAULT_POOL_SIZE), "connections, 1..100"),
            new Key(DbConfig.STATEMENT_TIMEOUT, millis(DbConfig.DEFAULT_STATEMENT_TIMEOUT.toMillis()),
                    "statement_timeout in ms, 100..3600000"),
            new Key(DbConfig.CHANGES, "on",
                    "on: keep every applied event as a change (entity history, /changes); off: write no changes"),
            new Key(RetryConfig.MAX_ATTEMPTS, Integer.toString(RETRY.maxAttempts()), "attempts per batch, 1..20"),
            new Key(RetryConfig.INITIAL_BACKOFF, millis(RETRY.initialBackoff().toMillis()),
                    "first retry backoff in ms, 1..60000"),
            new Key(RetryConfig.MAX_BACKOFF, millis(RETRY.maxBackoff().toMillis()),
                    "longest retry backoff in ms, 1..600000, >= the first"),
            new Key(RetryConfig.CIRCUIT_THRESHOLD, Integer.toString(RETRY.circuitFailureThreshold()),
                    "consecutive failed calls that open the circuit, 1..1000"),
            new Key(RetryConfig.CIRCUIT_OPEN_WAIT, millis(RETRY.circuitOpenWait().toMillis()),
                    "ms before an open circuit probes again, 10..600000"),
            new Key(RebuildConfig.BATCH, Integer.toString(REBUILD.batchSize()),
                    "records per rebuild batch, 1..1000000"),
            new Key(RebuildConfig.PROGRESS_INTERVAL, millis(REBUILD.progressInterval().toMillis()),
                    "ms between rebuild progress lines, 100..600000"),
            new Key(BulkConfig.DIR, "<java.io.tmpdir>/storagehub-bulk",
                    "local directory of bulk mode's state store (about the size of the read model; emptied per run)"),
            new Key(BulkConfig.REBUILD_MODE, "bulk",
                    "bulk: rebuild through the local state store and COPY; batches: through Postgres batch by batch"),
            new Key(BulkConfig.FIRST_SYNC, "auto",
                    "auto: run builds an empty read model in bulk when the topic is big enough; off: never"),
            new Key(BulkConfig.FIRST_SYNC_MIN_RECORDS, Integer.toString(BulkConfig.DEFAULT_FIRST_SYNC_MIN_RECORDS),
                    "least records in the topic for a bulk first sync, 1.."));

    private IndexerKeys() {
    }

    private static String millis(long value) {
        return Long.toString(value);
    }
}
