package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.metrics.IndexerMetrics;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.projection.Outcome;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.PostgresServer;
import io.storagehub.testkit.wait.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Postgres goes away while the indexer consumes, then comes back: the indexer recovers by itself. */
class DatabaseOutageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void databaseOutage_isRetried_andNothingIsLostOrAppliedTwice() throws Exception {
        List<Envelope> alpha = Chains.generate(Chains.ALPHA, 31, 1000);
        List<Envelope> beta = Chains.generate(Chains.BETA, 32, 1000);
        Reference reference = new Reference().apply(alpha).apply(beta);
        try (PostgresServer server = PostgresServer.start(Optional.empty(), 0);
             Testbed testbed = new Testbed(2, Testbed.db(server.jdbcUrl("postgres"), server.user(),
                     server.password(), "outage"), 100)) {
            // given: the indexer is up and has indexed the first part
            testbed.publish(0, alpha.subList(0, 400));
            testbed.publish(1, beta.subList(0, 400));
            LiveIndexer indexer = testbed.startIndexer();
            Wait.until(TIMEOUT, "first part indexed", testbed::caughtUp);
            // when: the database stops while more events arrive
            server.stop();
            testbed.publish(0, alpha.subList(400, 1000));
            testbed.publish(1, beta.subList(400, 1000));
            Wait.until(TIMEOUT, "consumer in its retry loop", () -> indexer.consumer().failing());
            assertThat(Http.get(indexer.httpPort(), "/ready").statusCode()).isEqualTo(503);
            server.start();
            // then
            Wait.until(TIMEOUT, "indexer recovered and caught up", testbed::caughtUp);
            assertThat(testbed.snapshot(Chains.ALPHA)).isEqualTo(reference.snapshot(Chains.ALPHA));
            assertThat(testbed.snapshot(Chains.BETA)).isEqualTo(reference.snapshot(Chains.BETA));
            IndexerMetrics metrics = indexer.metrics();
            Wait.until(TIMEOUT, "every record counted once", () -> metrics.recordsRead() == 2000);
            EndToEndIT.assertOutcomes(metrics, reference);
            assertThat(metrics.registry().get("storagehub.indexer.retries").tag("component", "postgres")
                    .counter().count()).isPositive();
            Wait.until(TIMEOUT, "ready again", () -> Http.get(indexer.httpPort(), "/ready").statusCode() == 200);
            assertThat(reference.count(Outcome.Kind.APPLIED)).isPositive();
        }
    }
}
