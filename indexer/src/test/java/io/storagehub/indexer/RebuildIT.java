package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.rebuild.Rebuild;
import io.storagehub.indexer.rebuild.SchemaSwitch;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.projection.jdbi.JdbiReadModelExport;
import io.storagehub.projection.jdbi.PoolConfig;
import io.storagehub.projection.jdbi.Pools;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A rebuild replays the topic into a fresh schema while the live indexer serves, then switches atomically. */
class RebuildIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void rebuild_reachesTheLiveState_switchesAtomically_andTheLiveIndexerContinuesOnTheRebuiltSchema()
            throws Exception {
        List<Envelope> alpha = Chains.generate(Chains.ALPHA, 41, 1200);
        List<Envelope> beta = Chains.generate(Chains.BETA, 42, 1200);
        Reference before = new Reference().apply(alpha.subList(0, 800)).apply(beta.subList(0, 800));
        Reference after = new Reference().apply(alpha).apply(beta);
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             Testbed testbed = new Testbed(2, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(),
                     schema.name()), 200)) {
            // given: a live indexer that has indexed the first part, including one undecodable record
            testbed.publish(0, alpha.subList(0, 800));
            testbed.publishRaw(0, "alpha".getBytes(StandardCharsets.UTF_8),
                    "{oops".getBytes(StandardCharsets.UTF_8));
            testbed.publish(1, beta.subList(0, 800));
            testbed.startIndexer();
            Wait.until(TIMEOUT, "live indexer caught up", testbed::caughtUp);
            int deadLettersBefore = before.count(Outcome.Kind.REJECTED) + 1;
            Wait.until(TIMEOUT, "dlq published", () -> DlqReader.count(testbed.kafka.dlqTopic()) == deadLettersBefore);
            // when: the read model is rebuilt while the live indexer keeps running
            Rebuild.Result result = new Rebuild(testbed.kafka, testbed.db, new RebuildConfig(500,
                    Duration.ofMillis(200)), Testbed.FAST_RETRY, Testbed.BULK, Clock.systemUTC())
                    .run(new Rebuild.Options(OptionalLong.empty(), false));
            // then: the live schema name now holds the rebuilt model, equal to the reference
            assertThat(result.records()).isEqualTo(1601);
            assertThat(result.oldSchema())
                    .hasValueSatisfying(old -> assertThat(old).startsWith(schema.name() + "_old_"));
            testbed.closeReadPool();
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(before.snapshot(Chains.ALPHA));
            assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(before.snapshot(Chains.BETA));
            // the rebuild recreated the changes
            assertThat(testbed.changes(Chains.ALPHA)).hasSizeGreaterThan(500).isEqualTo(before.changes(Chains.ALPHA));
            assertThat(testbed.changes(Chains.BETA)).isEqualTo(before.changes(Chains.BETA));
            HikariDataSource oldPool = Pools.create(new PoolConfig(
                    testbed.db.jdbcUrl(), testbed.db.user(), testbed.db.password(), result.oldSchema().get(), 1,
                    Duration.ofSeconds(30), "test-old", true));
            try (oldPool) {
                assertThat(new JdbiReadModelExport(Databases.jdbi(oldPool)).snapshot(Chains.ALPHA))
                        .isEqualTo(before.snapshot(Chains.ALPHA));
            }

            // and when more events arrive, the live indexer continues from the rebuilt schema's checkpoints
            testbed.publish(0, alpha.subList(800, 1200));
            testbed.publish(1, beta.subList(800, 1200));
            Wait.until(TIMEOUT, "live indexer caught up on the rebuilt schema", testbed::caughtUp);
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(after.snapshot(Chains.ALPHA));
            assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(after.snapshot(Chains.BETA));
            assertThat(testbed.changes(Chains.ALPHA)).isEqualTo(after.changes(Chains.ALPHA));
            assertThat(testbed.changes(Chains.BETA)).isEqualTo(after.changes(Chains.BETA));
            // every dead letter still in the topic exactly once
            int deadLettersAfter = after.count(Outcome.Kind.REJECTED) + 1;
            testbed.assertEveryDeadLetterOnce(deadLettersAfter, TIMEOUT);
            SchemaSwitch.drop(testbed.jdbi(), result.oldSchema().get());
        }
    }
}
