package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic is the source of truth for a rebuild: {@code status} shows its retention and earliest offsets, and
 * {@code rebuild} warns about a finite retention and refuses a truncated history unless allowed.
 */
class TopicHistoryIT {

    @TempDir
    Path dir;

    @Test
    void statusShowsTheHistory_andRebuildRefusesATruncatedOne_unlessAllowed() throws Exception {
        String topic = TestKafka.uniqueTopic("history");
        TestKafka.createTopic(topic, 2);
        List<Envelope> events = Chains.generate(Chains.ALPHA, 71, 30);
        List<String> lines = new ArrayList<>();
        EventEncoder encoder = new EventEncoder();
        events.forEach(e -> lines.add(encoder.toJson(e)));
        Path file = Files.write(dir.resolve("events.jsonl"), lines);
        try (IsolatedSchema schema = TestDatabase.isolatedSchema(); Admin admin = TestKafka.admin()) {
            CliRun cli = new CliRun(topic, schema);
            assertThat(cli.run("publish", file.toString())).isZero();
            int partition = partitionOf(admin, topic);

            // given a whole history kept for ever: no warning
            assertThat(cli.run("rebuild", "--drop-old")).as(cli.err.toString()).isZero();
            assertThat(cli.err.toString()).doesNotContain("warning");
            assertThat(cli.run("status")).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString()).contains("history: retention.ms=-1 retention.bytes=-1, earliest offsets "
                    + "0:0 1:0 (complete)");

            // when the retention becomes finite: the rebuild runs but warns
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "604800000"), AlterConfigOp.OpType.SET)))).all().get();
            assertThat(cli.run("rebuild", "--drop-old")).as(cli.err.toString()).isZero();
            assertThat(cli.err.toString()).contains("warning: history: retention.ms=604800000",
                    "complete so far, but retention is finite");

            // when records are deleted: status shows it, the rebuild is refused
            TopicPartition tp = new TopicPartition(topic, partition);
            admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(10))).all().get();
            assertThat(cli.run("status")).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString()).contains("TRUNCATED: partition " + partition + " starts at 10");
            assertThat(cli.run("rebuild", "--drop-old")).isEqualTo(1);
            assertThat(cli.err.toString()).contains("fatal: topic " + topic + " no longer holds its whole history "
                    + "(partition " + partition + " starts at 10)", "--allow-truncated-history");
            assertThat(cli.out.toString()).doesNotContain("rebuilt");

            // then it runs from what is left only when allowed
            assertThat(cli.run("rebuild", "--drop-old", "--allow-truncated-history")).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString()).contains("rebuilt " + schema.name() + " from " + (events.size() - 10)
                    + " records");
        }
    }

    /** The one partition the chain's events went to (keyed by chain). */
    private static int partitionOf(Admin admin, String topic) throws Exception {
        long end = admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all().get()
                .values().iterator().next().offset();
        return end > 0 ? 0 : 1;
    }

}
