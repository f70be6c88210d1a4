package io.storagehub.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.deadletter.DeadLetterOutbox;
import io.storagehub.indexer.run.LiveIndexer;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.chain.ChainScript;
import io.storagehub.testkit.kafka.TestKafka;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code indexer dlq list / show} through the command line's entry point, after a live indexer dead-lettered a
 * poison corpus: reasons, positions, sources and payloads, filters, and a dead letter still in the outbox.
 */
class DlqCliIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ALPHA = "alpha".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 0x00};
    private static final String NOT_JSON = "not json\nat all";
    private final EventEncoder encoder = new EventEncoder();
    private final List<byte[]> values = new ArrayList<>();
    private IsolatedSchema schema;
    private Testbed testbed;
    private CliRun cli;
    private Envelope unknownBsp;
    private Envelope betaUnknownBsp;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.isolatedSchema();
        testbed = new Testbed(1, Testbed.db(schema.jdbcUrl(), schema.user(), schema.password(), schema.name()), 100);
        cli = new CliRun(testbed.topic, schema);
    }

    @AfterEach
    void tearDown() throws Exception {
        testbed.close();
        schema.close();
    }

    private void send(byte[] key, byte[] value) {
        testbed.publishRaw(0, key, value);
        values.add(value);
    }

    /** Offsets 0..5: one applied event, then five poison records of two chains. */
    private LiveIndexer deadLetterCorpus() {
        ChainScript alpha = ChainScript.on("alpha");
        ChainScript beta = ChainScript.on("beta");
        send(ALPHA, encoder.encode(alpha.mspSignUp(1, 1)));
        send(ALPHA, NOT_UTF8);
        send(ALPHA, NOT_JSON.getBytes(StandardCharsets.UTF_8));
        send(ALPHA, Poison.withVersion(alpha.notProjected(), 2));
        unknownBsp = alpha.bspConfirmed(2, 77);
        send(ALPHA, encoder.encode(unknownBsp));
        betaUnknownBsp = beta.bspConfirmed(3, 5);
        send("beta".getBytes(StandardCharsets.UTF_8), encoder.encode(betaUnknownBsp));
        LiveIndexer indexer = testbed.startIndexer();
        Wait.until(TIMEOUT, "5 dead letters published", () -> DlqReader.count(testbed.kafka.dlqTopic()) == 5);
        Wait.until(TIMEOUT, "rows marked", () -> testbed.jdbi().withHandle(DeadLetterOutbox::counts).pending() == 0);
        return indexer;
    }

    private JsonNode json(String... args) throws Exception {
        assertThat(cli.run(args)).as(cli.err.toString()).isZero();
        return JSON.readTree(cli.out.toString());
    }

    @Test
    void list_showsReasonsPositionsAndSources_ofThePoisonCorpus() throws Exception {
        // given
        Instant start = Instant.now().minusSeconds(1);
        deadLetterCorpus();
        // when
        JsonNode listing = json("dlq", "list", "--json");
        // then
        assertThat(listing.get("dlqTopic").asText()).isEqualTo(testbed.kafka.dlqTopic());
        assertThat(listing.get("matched").asLong()).isEqualTo(5);
        JsonNode letters = listing.get("deadLetters");
        assertThat(letters).extracting(l -> l.get("reasonKind").asText()).containsExactly(
                "NOT_UTF8", "NOT_JSON", "UNSUPPORTED_VERSION", "UNKNOWN_ENTITY", "UNKNOWN_ENTITY");
        for (int i = 0; i < 5; i++) {
            JsonNode letter = letters.get(i);
            assertThat(letter.get("source").get("topic").asText()).isEqualTo(testbed.topic);
            assertThat(letter.get("source").get("partition").asInt()).isZero();
            assertThat(letter.get("source").get("offset").asLong()).isEqualTo(i + 1);
            assertThat(letter.get("state").asText()).isEqualTo("published");
            assertThat(letter.get("reason").asText()).isNotBlank();
            assertThat(letter.get("id").asLong()).isPositive();
            assertThat(Instant.parse(letter.get("time").asText())).isAfter(start);
            assertThat(letter.get("value").isNull()).isTrue(); // payloads in show only
        }
        assertThat(letters.get(0).get("position").isNull()).isTrue();
        assertPosition(letters.get(3), "alpha", unknownBsp.position());
        assertPosition(letters.get(4), "beta", betaUnknownBsp.position());

        assertThat(cli.run("dlq", "list")).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("5 dead letters match in " + testbed.kafka.dlqTopic(), "NOT_UTF8",
                "NOT_JSON", "UNSUPPORTED_VERSION", "UNKNOWN_ENTITY", testbed.topic + "/0@4");
        assertThat(cli.out.toString()).containsPattern("beta\\s+" + betaUnknownBsp.position() + "\\s+"
                + testbed.topic + "/0@5\\s+UNKNOWN_ENTITY: ");
    }

    @Test
    void list_filtersByChainReasonTimeAndLimit() throws Exception {
        // given
        Instant start = Instant.now().minusSeconds(1);
        deadLetterCorpus();
        // when / then
        JsonNode beta = json("dlq", "list", "--json", "--chain", "beta", "--reason", "unknown_entity");
        assertThat(beta.get("matched").asLong()).isEqualTo(1);
        assertPosition(beta.get("deadLetters").get(0), "beta", betaUnknownBsp.position());

        assertThat(json("dlq", "list", "--json", "--reason", "NOT_JSON").get("deadLetters"))
                .extracting(l -> l.get("source").get("offset").asLong()).containsExactly(2L);
        assertThat(json("dlq", "list", "--json", "--since", start.toString()).get("matched").asLong()).isEqualTo(5);
        assertThat(json("dlq", "list", "--json", "--since", "1h").get("matched").asLong()).isEqualTo(5);
        assertThat(json("dlq", "list", "--json", "--until", start.toString()).get("matched").asLong()).isZero();

        JsonNode newest = json("dlq", "list", "--json", "--limit", "2");
        assertThat(newest.get("matched").asLong()).isEqualTo(5);
        assertThat(newest.get("shown").asInt()).isEqualTo(2);
        assertThat(newest.get("deadLetters")).extracting(l -> l.get("source").get("offset").asLong())
                .containsExactly(4L, 5L);
    }

    @Test
    void show_printsTheOriginalPayload_prettyJsonEscapedTextOrBase64() throws Exception {
        // given
        deadLetterCorpus();
        JsonNode letters = json("dlq", "list", "--json").get("deadLetters");
        long notUtf8 = letters.get(0).get("id").asLong();
        long notJson = letters.get(1).get("id").asLong();
        long unknown = letters.get(3).get("id").asLong();

        // when / then: JSON is pretty-printed, as it was sent
        JsonNode shown = json("dlq", "show", Long.toString(unknown), "--json").get("deadLetters").get(0);
        assertThat(shown.get("reasonKind").asText()).isEqualTo("UNKNOWN_ENTITY");
        assertThat(shown.get("value").get("format").asText()).isEqualTo("json");
        assertThat(shown.get("value").get("content")).isEqualTo(JSON.readTree(values.get(4)));
        assertThat(shown.get("key").get("content").asText()).isEqualTo("alpha");
        assertThat(shown.get("dlq").get("offset").asLong()).isEqualTo(3);
        assertThat(cli.run("dlq", "show", Long.toString(unknown))).isZero();
        assertThat(cli.out.toString()).contains("dead letter " + unknown, "UNKNOWN_ENTITY",
                "block " + unknownBsp.position().block() + ", index " + unknownBsp.position().index(),
                "(json, " + values.get(4).length + " bytes)", "\"chain\" : \"alpha\"");

        // text that is not JSON: escaped
        assertThat(cli.run("dlq", "show", Long.toString(notJson))).isZero();
        assertThat(cli.out.toString()).contains("(text, 15 bytes)", "not json\\nat all");

        // bytes that are not UTF-8: base64
        JsonNode binary = json("dlq", "show", Long.toString(notUtf8), "--json").get("deadLetters").get(0);
        assertThat(binary.get("value").get("format").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(binary.get("value").get("content").asText())).isEqualTo(NOT_UTF8);

        // an unknown id
        assertThat(cli.run("dlq", "show", "999999")).isEqualTo(1);
        assertThat(cli.err.toString()).contains("no dead letter with id 999999");
    }

    @Test
    void list_addsOutboxRowsNotYetPublished_once() throws Exception {
        // given: the indexer stopped, every published row unmarked (as after a relay crash before marking) and
        // one row the relay has not published
        deadLetterCorpus().close();
        testbed.jdbi().useHandle(h -> h.createUpdate("UPDATE dead_letter SET published = false").execute());
        testbed.jdbi().useHandle(h -> DeadLetterOutbox.insert(h, List.of(new DeadLetter(testbed.topic, 0, 99,
                Optional.of("gamma"), Optional.of(new Position(9, 1)), "ALREADY_EXISTS", "bsp 0x01 exists",
                "gamma".getBytes(StandardCharsets.UTF_8), "{\"v\":1}".getBytes(StandardCharsets.UTF_8)))));
        // when
        JsonNode listing = json("dlq", "list", "--json");
        // then
        assertThat(listing.get("matched").asLong()).isEqualTo(6);
        JsonNode pending = listing.get("deadLetters").get(5);
        assertThat(pending.get("state").asText()).isEqualTo("pending");
        assertThat(pending.get("source").get("offset").asLong()).isEqualTo(99);
        assertPosition(pending, "gamma", new Position(9, 1));
        assertThat(listing.get("deadLetters")).extracting(l -> l.get("state").asText())
                .containsExactly("published", "published", "published", "published", "published", "pending");
        assertThat(cli.run("dlq", "list")).isZero();
        assertThat(cli.out.toString()).contains("* pending: in the outbox");
    }

    @Test
    void list_isEmpty_whenNoDeadLetterTopicExistsYet() throws Exception {
        // given: a migrated read model, and no dead-letter topic
        Migrations.migrate(schema.dataSource(), schema.name());
        // when
        JsonNode listing = json("dlq", "list", "--json");
        // then
        assertThat(listing.get("matched").asLong()).isZero();
        assertThat(listing.get("deadLetters")).isEmpty();
        try (Admin admin = TestKafka.admin()) {
            assertThat(admin.listTopics().names().get()).as("not created by listing")
                    .doesNotContain(testbed.kafka.dlqTopic());
        }
    }

    @Test
    void badFilters_areUsageErrors_namingTheOption() {
        assertThat(cli.run("dlq", "list", "--reason", "BOGUS")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--reason", "BOGUS", "UNKNOWN_ENTITY", "NOT_UTF8");
        assertThat(cli.run("dlq", "list", "--since", "yesterday")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--since", "RFC 3339");
        assertThat(cli.run("dlq", "list", "--since", "2h", "--until", "3h")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--since", "--until");
        assertThat(cli.run("dlq", "list", "--limit", "0")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--limit");
    }

    private static void assertPosition(JsonNode letter, String chain, Position position) {
        assertThat(letter.get("chain").asText()).isEqualTo(chain);
        assertThat(letter.get("position").get("block").asLong()).isEqualTo(position.block());
        assertThat(letter.get("position").get("index").asLong()).isEqualTo(position.index());
    }
}
