package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** More replicas than partitions: the replica left without a partition is a healthy member, hence ready. */
class IdleReplicaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private IsolatedSchema schema;
    private Testbed testbed;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.isolatedSchema();
        testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(), schema.name()), 100);
    }

    @AfterEach
    void tearDown() throws Exception {
        testbed.close();
        schema.close();
    }

    @Test
    void replicaWithoutPartitions_isReady() {
        // given: two replicas of one group on a topic with one partition
        testbed.publish(0, Chains.generate(Chains.ALPHA, 7, 20));
        LiveIndexer first = testbed.startIndexer();
        LiveIndexer second = testbed.startIndexer();
        // when
        Wait.until(TIMEOUT, "one partition, two members",
                () -> first.consumer().assignment().size() + second.consumer().assignment().size() == 1
                        && first.consumer().healthy() && second.consumer().healthy());
        Wait.until(TIMEOUT, "caught up", testbed::caughtUp);
        // then
        LiveIndexer idle = first.consumer().assignment().isEmpty() ? first : second;
        LiveIndexer busy = idle == first ? second : first;
        assertThat(idle.consumer().assignment()).isEmpty();
        Wait.until(TIMEOUT, "the busy replica ready", () -> Http.get(busy.httpPort(), "/ready").statusCode() == 200);
        HttpResponse<String> ready = Http.get(idle.httpPort(), "/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\":true", "\"migrations\":true", "\"consumer\":true",
                "\"partitions\":true");
    }

    @Test
    void stoppedReplica_isNotReady() {
        // given
        LiveIndexer indexer = testbed.startIndexer();
        Wait.until(TIMEOUT, "ready", indexer.consumer()::ready);
        // when: the consumer loop ends (as after a fatal error) while the process lives on
        indexer.consumer().shutdown();
        // then
        Wait.until(TIMEOUT, "not healthy once stopped", () -> !indexer.consumer().healthy());
        HttpResponse<String> ready = Http.get(indexer.httpPort(), "/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"consumer\":false");
    }
}
