package io.storagehub.testkit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.codec.EventTypes;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.DefaultsTo;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.WireName;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.chain.Mix;
import io.storagehub.testkit.chain.Verdict;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/event-envelope.schema.json describes exactly what is published: every record value the generator's events
 * encode to (as the simulator and the benchmarks publish them) is valid, and the schema names every projected
 * event type with its record's fields. {@link EnvelopeSchemaPoisonTest} shows it rejects malformed values.
 */
class EnvelopeSchemaTest {
    private static final EnvelopeSchema SCHEMA = EnvelopeSchema.load();
    /** A few thousand events at least, more until every projected type occurred (ChainGeneratorTest: 20 000). */
    private static final int MIN_EVENTS = 3_000;
    private static final int MAX_EVENTS = 20_000;

    @Test
    void schemaDocument_isValidAgainstTheDraft202012MetaSchema() {
        assertThat(SCHEMA.metaSchemaErrors()).isEmpty();
    }

    @Test
    void everyGeneratedEvent_encodedAsPublished_isValid() {
        // given
        ChainGenerator chain = ChainGenerator.of("schema-net", 1);
        EventEncoder encoder = new EventEncoder();

        // when
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < MAX_EVENTS && (i < MIN_EVENTS || !missingTypes(chain.mix()).isEmpty()); i++) {
            Envelope event = chain.next();
            byte[] value = encoder.encode(event);
            List<String> errors = SCHEMA.errors(value);
            if (!errors.isEmpty()) {
                invalid.add(new String(value, StandardCharsets.UTF_8) + " -> " + errors);
            }
        }

        // then
        assertThat(invalid).as("record values the schema rejects").isEmpty();
        assertThat(missingTypes(chain.mix())).as("projected event types not generated").isEmpty();
        assertThat(chain.count(Verdict.NOT_PROJECTED)).as("not projected events").isPositive();
        assertThat(chain.poisonCount()).as("events the projection rejects, valid on the wire").isPositive();
    }

    @Test
    void schema_hasOneBranchPerProjectedEventType_withItsRecordsFields() {
        // given
        JsonNode defs = SCHEMA.document().get("$defs");
        List<String> expectedBranches = new ArrayList<>();

        for (Class<? extends ChainEvent> type : EventTypes.projected()) {
            // when
            String key = pallet(type) + "." + type.getSimpleName();
            expectedBranches.add("#/$defs/" + key);
            JsonNode branch = defs.get(key);

            // then
            assertThat(branch).as("$defs/" + key).isNotNull();
            JsonNode data = branch.at("/properties/data");
            assertThat(branch.at("/properties/pallet/const").asText()).isEqualTo(pallet(type));
            assertThat(branch.at("/properties/name/const").asText()).isEqualTo(type.getSimpleName());
            assertThat(texts(data.get("required"))).as(key + " required").isEqualTo(wireNames(type, true));
            assertThat(fieldNames(data.get("properties"))).as(key + " properties").isEqualTo(wireNames(type, false));
        }
        expectedBranches.add("#/$defs/NotProjected");
        List<String> branches = new ArrayList<>();
        SCHEMA.document().get("oneOf").forEach(b -> branches.add(b.get("$ref").asText()));
        assertThat(branches).isEqualTo(expectedBranches);
    }

    private static List<String> missingTypes(Mix mix) {
        List<String> missing = new ArrayList<>();
        for (Class<? extends ChainEvent> type : EventTypes.projected()) {
            if (mix.count(pallet(type), type.getSimpleName()) == 0) {
                missing.add(pallet(type) + "." + type.getSimpleName());
            }
        }
        return missing;
    }

    /** The {@code PALLET} constant of the sealed family the event type belongs to. */
    static String pallet(Class<?> type) {
        for (Class<?> family : type.getInterfaces()) {
            try {
                return (String) family.getField("PALLET").get(null);
            } catch (NoSuchFieldException e) {
                continue;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(type + " is not in a pallet family");
    }

    /** The data field names of an event type on the wire, in order; the optional ones only when asked. */
    private static List<String> wireNames(Class<?> type, boolean requiredOnly) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (requiredOnly && component.isAnnotationPresent(DefaultsTo.class)) {
                continue;
            }
            WireName wireName = component.getAnnotation(WireName.class);
            names.add(wireName != null ? wireName.value() : component.getName());
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
