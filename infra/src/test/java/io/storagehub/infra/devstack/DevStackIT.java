package io.storagehub.infra.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.api.db.ReadOnlyRole;
import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.infra.deploy.DeploymentReferences;
import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack in this JVM (the test Kafka, an isolated Postgres schema, the simulator in bulk mode, the
 * indexer and the API on free ports) serves exactly what the in-memory projection of the same generated chain
 * holds, and a restart resumes from the stored offsets: it reads and applies only the new events.
 */
class DevStackIT {
    private static final String CHAIN = "itnet";
    private static final long SEED = 2_026;
    private static final int FIRST_RUN = 2_500;
    private static final int SECOND_RUN = 1_500;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;
    private String apiRole;

    @Test
    void stack_servesTheGeneratedChainsState_andARestartResumesFromTheStoredOffsets() {
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            String topic = TestKafka.uniqueTopic("devstack");
            List<Envelope> chain = ChainGenerator.of(CHAIN, SEED).take(FIRST_RUN + SECOND_RUN);
            InMemoryStore expected = new InMemoryStore();
            InMemoryProjection projection = new InMemoryProjection(expected);
            projection.apply(Batch.of(chain.subList(0, FIRST_RUN)));

            // given: a first run that publishes and indexes FIRST_RUN events
            try (Stack stack = Stack.start(config(schema, topic, FIRST_RUN), System.out)) {
                apiRole = stack.apiRole().name();
                awaitIndexed(stack, FIRST_RUN);
                new ApiComparison(stack.apiUrl(), CHAIN, new InMemoryQueries(expected)).assertSameAnswers();
                assertOperationsEndpointsServeWhatTheDeploymentFilesUse(stack);
                assertTheApiConnectsAsItsReadOnlyRole(stack, schema.name());
            }
            BatchResult newEvents = projection.apply(Batch.of(chain.subList(FIRST_RUN, FIRST_RUN + SECOND_RUN)));

            // when: the stack restarts on the same data dir and backfills the chain up to FIRST_RUN + SECOND_RUN
            try (Stack stack = Stack.start(config(schema, topic, FIRST_RUN + SECOND_RUN), System.out)) {
                awaitIndexed(stack, FIRST_RUN + SECOND_RUN);

                // then: the simulator continued the chain, the indexer read only the new records
                IndexerMetrics metrics = stack.indexer().metrics();
                Wait.until(TIMEOUT, "metrics of the last batch", () -> metrics.recordsRead() >= SECOND_RUN);
                assertThat(stack.simulator().orElseThrow().state().emitted()).isEqualTo(FIRST_RUN + SECOND_RUN);
                assertThat(metrics.recordsRead()).isEqualTo(SECOND_RUN);
                assertThat(metrics.records(IndexerMetrics.APPLIED))
                        .isEqualTo(newEvents.counts().get(Outcome.Kind.APPLIED).doubleValue());
                assertThat(metrics.records(IndexerMetrics.DEAD_LETTERED))
                        .isEqualTo(newEvents.counts().get(Outcome.Kind.REJECTED).doubleValue());
                assertThat(metrics.records(IndexerMetrics.SKIPPED_DUPLICATE)).isZero();
                new ApiComparison(stack.apiUrl(), CHAIN, new InMemoryQueries(expected)).assertSameAnswers();
            }
        } finally {
            if (apiRole != null) {
                ReadOnlyRole.drop(TestDatabase.adminDataSource(), apiRole);
            }
        }
    }

    /** The API's pool logs in as the stack's read-only role, which can read the read model and write nothing. */
    private static void assertTheApiConnectsAsItsReadOnlyRole(Stack stack, String schema) {
        String role = stack.apiRole().name();
        assertThat(role).isNotEqualTo(stack.servers().dbUser());
        try (Connection c = TestDatabase.adminDataSource().getConnection();
             PreparedStatement sessions = c.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE usename = ? AND application_name = ?");
             PreparedStatement privileges = c.prepareStatement(
                     "SELECT has_table_privilege(?, format('%I.msp', ?), 'SELECT'),"
                             + " has_table_privilege(?, format('%I.msp', ?), 'INSERT,UPDATE,DELETE')")) {
            sessions.setString(1, role);
            sessions.setString(2, "storagehub-api");
            try (ResultSet rows = sessions.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("API connections as " + role).isPositive();
            }
            privileges.setString(1, role);
            privileges.setString(2, schema);
            privileges.setString(3, role);
            privileges.setString(4, schema);
            try (ResultSet rows = privileges.executeQuery()) {
                rows.next();
                assertThat(rows.getBoolean(1)).as(role + " reads").isTrue();
                assertThat(rows.getBoolean(2)).as(role + " writes").isFalse();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DevStackConfig config(IsolatedSchema schema, String topic, long backfill) {
        return new DevStackConfig(dataDir, Optional.of(TestKafka.bootstrapServers()), 0,
                Optional.of(new DevStackConfig.ExternalDatabase(TestDatabase.jdbcUrl(), TestDatabase.user(),
                        TestDatabase.password())), 0,
                schema.name(), topic, CHAIN, true, OptionalLong.of(SEED), backfill, 0, 0, 0, Duration.ofSeconds(2));
    }

    private static void awaitIndexed(Stack stack, long records) {
        Wait.until(TIMEOUT, records + " records indexed", () -> {
            StackStatus status = stack.status();
            return status.inTopic() == records && status.indexed() == records;
        });
    }

    private static void assertOperationsEndpointsServeWhatTheDeploymentFilesUse(Stack stack) {
        for (String path : DeploymentReferences.operationsPaths()) {
            assertThat(Http.get(stack.indexerUrl() + path).statusCode()).as("indexer " + path).isEqualTo(200);
            assertThat(Http.get(stack.apiUrl() + path).statusCode()).as("api " + path).isEqualTo(200);
        }
        Set<String> served = new TreeSet<>(DeploymentReferences.sampleNames(
                Http.get(stack.indexerUrl() + "/metrics").body()));
        served.addAll(DeploymentReferences.sampleNames(Http.get(stack.apiUrl() + "/metrics").body()));
        assertThat(served).containsAll(DeploymentReferences.dashboardMetrics());
    }
}
