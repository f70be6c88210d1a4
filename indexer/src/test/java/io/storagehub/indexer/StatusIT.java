package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code indexer status [--json]} after a live indexer indexed a chain: offsets, time lag, sizes. */
class StatusIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private IsolatedSchema schema;
    private Testbed testbed;
    private CliRun cli;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.isolatedSchema();
        testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(), schema.name()), 50);
        cli = new CliRun(testbed.topic, schema);
    }

    @AfterEach
    void tearDown() throws Exception {
        testbed.close();
        schema.close();
    }

    private List<Envelope> indexChain() {
        List<Envelope> events = Chains.generate(Chains.ALPHA, 11, 200);
        testbed.publish(0, events);
        testbed.publishRaw(0, "alpha".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8));
        testbed.startIndexer();
        Wait.until(TIMEOUT, "caught up", testbed::caughtUp);
        return events;
    }

    @Test
    void statusJson_carriesOffsetsTimeLagAndSizes() throws Exception {
        // given
        List<Envelope> events = indexChain();
        Envelope newest = events.stream().max(Comparator.comparing(Envelope::position)).orElseThrow();
        Instant blockTime = newest.block().timestamp();
        // when
        Instant before = Instant.now();
        int code = cli.run("status", "--json");
        Instant after = Instant.now();
        // then
        assertThat(code).as(cli.err.toString()).isZero();
        JsonNode status = JSON.readTree(cli.out.toString());
        assertThat(status.get("topic").asText()).isEqualTo(testbed.topic);
        assertThat(status.get("schema").asText()).isEqualTo(schema.name());
        JsonNode partition = status.get("partitions").get(0);
        assertThat(partition.get("stored").asLong()).isEqualTo(201);
        assertThat(partition.get("end").asLong()).isEqualTo(201);
        assertThat(partition.get("lag").asLong()).isZero();

        JsonNode chain = status.get("chains").get(0);
        assertThat(chain.get("chain").asText()).isEqualTo(Chains.ALPHA);
        assertThat(chain.get("last").get("block").asLong()).isEqualTo(newest.position().block());
        assertThat(chain.get("last").get("index").asLong()).isEqualTo(newest.position().index());
        assertThat(Instant.parse(chain.get("lastBlockTime").asText())).isEqualTo(blockTime);
        assertThat(chain.get("lagSeconds").asLong()).isBetween(
                Duration.between(blockTime, before).toSeconds(), Duration.between(blockTime, after).toSeconds());

        long deadLetters = status.get("deadLetters").get("published").asLong()
                + status.get("deadLetters").get("pending").asLong();
        assertThat(deadLetters).isPositive(); // the "not json" record, and whatever poison the generator made

        JsonNode size = status.get("readModel");
        assertThat(size.get("databaseBytes").asLong()).isGreaterThanOrEqualTo(size.get("schemaBytes").asLong());
        for (String table : List.of("msp", "bsp", "bucket", "file", "chain_position", "dead_letter")) {
            JsonNode row = table(size, table);
            long counted = testbed.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                    .mapTo(Long.class).one());
            assertThat(row.get("rows").asLong()).as(table).isEqualTo(counted);
            assertThat(row.get("rowsEstimated").asBoolean()).as(table).isFalse();
            assertThat(row.get("bytes").asLong()).as(table).isPositive();
        }
        assertThat(table(size, "chain_position").get("rows").asLong()).isEqualTo(1);
        assertThat(table(size, "dead_letter").get("rows").asLong()).isEqualTo(deadLetters);
    }

    @Test
    void statusText_showsBlockTimeLagAndTableSizes() {
        // given
        List<Envelope> events = indexChain();
        Envelope newest = events.stream().max(Comparator.comparing(Envelope::position)).orElseThrow();
        // when
        int code = cli.run("status");
        // then
        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).containsPattern("alpha\\s+" + newest.position().block() + "\\s+"
                + newest.position().index() + "\\s+" + newest.block().timestamp() + "\\s+\\d+");
        assertThat(cli.out.toString()).contains("read model: ", "in schema " + schema.name(), "database ");
        assertThat(cli.out.toString()).containsPattern("chain_position\\s+1\\s+\\d");
    }

    private static JsonNode table(JsonNode size, String name) {
        for (JsonNode table : size.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + size);
    }
}
