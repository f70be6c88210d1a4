package io.storagehub.indexer;

import static io.storagehub.indexer.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.cli.IndexerCli;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code indexer run} as its own process: it becomes ready, indexes, and stops cleanly on SIGTERM. */
class SigtermIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void runCommand_indexesAndShutsDownCleanlyOnSigterm() throws Exception {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             Testbed testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(),
                     schema.name()), 100)) {
            // given
            int port = freePort();
            Path log = dir.resolve("indexer.log");
            ProcessBuilder builder = new ProcessBuilder(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), IndexerCli.class.getName(),
                    "run", "--http-port", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of(
                    "STORAGEHUB_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers(),
                    "STORAGEHUB_TOPIC", testbed.topic,
                    "STORAGEHUB_INDEXER_GROUP", testbed.kafka.groupId(),
                    "STORAGEHUB_DB_URL", schema.jdbcUrl(),
                    "STORAGEHUB_DB_USER", schema.user(),
                    "STORAGEHUB_DB_PASSWORD", schema.password(),
                    "STORAGEHUB_DB_SCHEMA", schema.name(),
                    "STORAGEHUB_INDEXER_HTTP_HOST", "127.0.0.1"));
            testbed.publish(0, Chains.generate(Chains.ALPHA, 61, 300));
            Process process = builder.start();
            try {
                // when
                await(TIMEOUT, testbed::caughtUp, "the process indexed the topic");
                await(TIMEOUT, () -> ready(port), "the process is ready");
                process.destroy();
                // then
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(143);
                assertThat(Files.readString(log)).contains("indexer started", "indexer stopped");
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static boolean ready(int port) {
        try {
            return Http.get(port, "/ready").statusCode() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
