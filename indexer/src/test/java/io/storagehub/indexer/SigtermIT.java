package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.cli.IndexerCli;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.net.FreePort;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.process.ChildJvm;
import io.storagehub.testkit.process.ChildJvmBuilder;
import io.storagehub.testkit.wait.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
            int port = FreePort.pick();
            ChildJvmBuilder indexer = ChildJvm.builder("indexer", IndexerCli.class.getName())
                    .args("run", "--http-port", Integer.toString(port))
                    .env(Map.of(
                            "STORAGEHUB_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers(),
                            "STORAGEHUB_TOPIC", testbed.topic,
                            "STORAGEHUB_INDEXER_GROUP", testbed.kafka.groupId(),
                            "STORAGEHUB_DB_URL", schema.jdbcUrl(),
                            "STORAGEHUB_DB_USER", schema.user(),
                            "STORAGEHUB_DB_PASSWORD", schema.password(),
                            "STORAGEHUB_DB_SCHEMA", schema.name(),
                            "STORAGEHUB_INDEXER_HTTP_HOST", "127.0.0.1"))
                    .logFile(dir.resolve("indexer.log"))
                    .stopTimeout(Duration.ofSeconds(30));
            testbed.publish(0, Chains.generate(Chains.ALPHA, 61, 300));
            try (ChildJvm process = indexer.start()) {
                // when
                Wait.until(TIMEOUT, "the process indexed the topic", testbed::caughtUp);
                Wait.until(TIMEOUT, "the process is ready", () -> ready(port));
                int exit = process.terminate();
                // then
                assertThat(exit).isEqualTo(ChildJvm.EXIT_SIGTERM);
                assertThat(Files.readString(process.logFile())).contains("indexer started", "indexer stopped");
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
}
