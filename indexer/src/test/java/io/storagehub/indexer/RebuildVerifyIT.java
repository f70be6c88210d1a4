package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.storagehub.indexer.config.RebuildConfig;
import io.storagehub.indexer.rebuild.Rebuild;
import io.storagehub.indexer.rebuild.SchemaSwitch;
import io.storagehub.indexer.rebuild.VerifyFailedException;
import io.storagehub.indexer.rebuild.VerifyReport;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 (diffed rebuild): {@code rebuild --verify} compares the rebuilt schema with the live one at the same
 * position; a corrupted live row refuses the switch (the live schema untouched, the rebuilt one kept), {@code --force}
 * switches anyway, and a faithful live schema verifies as identical while the live indexer keeps indexing.
 */
class RebuildVerifyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void verify_refusesTheSwitch_onACorruptedLiveRow_forceSwitches_andAFaithfulSchemaVerifies() throws Exception {
        List<Envelope> alpha = Chains.generate(Chains.ALPHA, 51, 1600);
        List<Envelope> beta = Chains.generate(Chains.BETA, 52, 1600);
        try (IsolatedSchema schema = TestDatabase.isolatedSchema();
             Testbed testbed = new Testbed(2, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(),
                     schema.name()), 200)) {
            // given: a live indexer that has indexed the topic, and one live row changed behind its back
            testbed.publish(0, alpha.subList(0, 1200));
            testbed.publish(1, beta.subList(0, 1200));
            testbed.startIndexer();
            Wait.until(TIMEOUT, "live indexer caught up", testbed::caughtUp);
            String corrupted = corruptOneMsp(testbed);

            // when: a verified rebuild runs
            VerifyFailedException refused = catchThrowableOfType(VerifyFailedException.class,
                    () -> rebuild(testbed, 0).run(verified(false, false)));

            // then: the switch is refused, naming the table and the row; the rebuilt schema is kept
            assertThat(refused).as("the verified rebuild must refuse the switch").isNotNull();
            VerifyReport report = refused.report();
            assertThat(report.differing()).extracting(VerifyReport.Table::name).containsExactly("msp");
            VerifyReport.Table msp = report.differing().get(0);
            assertThat(msp.liveRows()).isEqualTo(msp.rebuiltRows());
            assertThat(msp.onlyLive()).singleElement().asString().contains(corrupted);
            assertThat(msp.onlyRebuilt()).singleElement().asString().contains(corrupted);
            assertThat(report.render()).contains("msp", "DIFFERENT", "only live:", corrupted);
            assertThat(SchemaSwitch.exists(testbed.jdbi(), report.rebuilt())).isTrue();
            assertThat(report.live()).isEqualTo(schema.name());
            SchemaSwitch.drop(testbed.jdbi(), report.rebuilt());

            // and when more events arrive, --force switches despite the difference, which the report still shows
            testbed.publish(0, alpha.subList(1200, 1400));
            testbed.publish(1, beta.subList(1200, 1400));
            Wait.until(TIMEOUT, "live indexer caught up", testbed::caughtUp);
            corruptOneMsp(testbed);
            Rebuild.Result forced = rebuild(testbed, 1).run(verified(true, true));
            assertThat(forced.verified()).hasValueSatisfying(r -> assertThat(r.identical()).isFalse());

            // and the next verified rebuild, while the live indexer keeps indexing, finds the schemas identical
            testbed.publish(0, alpha.subList(1400, 1600));
            testbed.publish(1, beta.subList(1400, 1600));
            Rebuild.Result verified = rebuild(testbed, 2).run(verified(true, false));
            assertThat(verified.verified()).hasValueSatisfying(r -> {
                assertThat(r.differing()).isEmpty();
                assertThat(r.tables()).extracting(VerifyReport.Table::name).contains("msp", "bucket", "file");
                assertThat(r.tables()).allSatisfy(t -> assertThat(t.rebuiltRows()).isEqualTo(t.liveRows()));
            });
            Wait.until(TIMEOUT, "live indexer caught up on the verified schema", testbed::caughtUp);
        }
    }

    /** Changes one live MSP row behind the indexer's back; returns its id. */
    private static String corruptOneMsp(Testbed testbed) {
        return testbed.jdbi().withHandle(h -> h.createQuery("UPDATE msp SET capacity = capacity + 1"
                + " WHERE ctid = (SELECT ctid FROM msp ORDER BY msp_id LIMIT 1) RETURNING msp_id")
                .mapTo(String.class).one());
    }

    /** Options of a verified rebuild. */
    private static Rebuild.Options verified(boolean dropOld, boolean force) {
        return new Rebuild.Options(OptionalLong.empty(), dropOld, false, true, force);
    }

    /** Rebuilds whose schema names differ (they are stamped to the second). */
    private static Rebuild rebuild(Testbed testbed, int run) {
        return new Rebuild(testbed.kafka, testbed.db, new RebuildConfig(500, Duration.ofMillis(200)),
                Testbed.FAST_RETRY, Testbed.BULK, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10L * run)));
    }
}
