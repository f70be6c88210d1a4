package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.indexer.rebuild.SchemaSwitch;
import io.storagehub.projection.jdbi.Databases;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against real Kafka and Postgres: publish, rebuild into a first schema, status. */
class CliIT {
    @TempDir
    Path dir;



    @Test
    void publishRebuildAndStatus() throws Exception {
        String topic = TestKafka.uniqueTopic("cli");
        TestKafka.createTopic(topic, 1);
        List<Envelope> events = Chains.generate(Chains.ALPHA, 51, 30);
        EventEncoder encoder = new EventEncoder();
        List<String> lines = new ArrayList<>();
        events.forEach(e -> lines.add(encoder.toJson(e)));
        lines.add("");
        lines.add("{\"v\":1,\"chain\":\"alpha\"}");
        Path file = dir.resolve("events.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        try (IsolatedSchema schema = TestDatabase.isolatedSchema()) {
            CliRun cli = new CliRun(topic, schema);

            // publish validates every line: the invalid one is reported, not sent
            assertThat(cli.run("publish", file.toString())).isEqualTo(1);
            assertThat(cli.out.toString()).contains("31 lines, 30 sent to " + topic + ", 1 invalid");
            assertThat(cli.err.toString()).contains("line 32: INVALID_ENVELOPE");
            assertThat(DlqReader.count(topic)).isEqualTo(30);

            // --raw sends it anyway (it will be dead-lettered)
            Path bad = dir.resolve("bad.jsonl");
            Files.writeString(bad, "{\"v\":1,\"chain\":\"alpha\"}\n");
            assertThat(cli.run("publish", "--raw", bad.toString())).isZero();
            assertThat(cli.out.toString()).contains("1 lines, 1 sent");

            // rebuild into the (empty) schema, dropping what was there
            assertThat(cli.run("rebuild", "--drop-old")).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString()).contains("rebuilt " + schema.name() + " from 31 records", "dropped");
            Jdbi admin = Databases.jdbi(TestDatabase.adminDataSource());
            assertThat(SchemaSwitch.exists(admin, schema.name())).isTrue();

            // status shows the checkpoint, the chain and the outbox
            assertThat(cli.run("status")).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString()).contains("topic " + topic, "alpha", "dead letters: 0 published, 1 pending");
            assertThat(cli.out.toString()).containsPattern("0\\s+31\\s+31\\s+0");
        }
    }
}
