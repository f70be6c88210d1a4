package io.storagehub.testkit.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's JSON Schema of a Kafka record value ({@code docs/event-envelope.schema.json}, read from the
 * module's parent directory, as Surefire runs tests in the module directory) and a draft 2020-12 validator of it.
 */
final class EnvelopeSchema {
    static final Path FILE = Path.of("..", "docs", "event-envelope.schema.json");
    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /** Reads big integers exactly and decimals without rounding, so range checks see the value as written. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;
    private final Schema schema;

    private EnvelopeSchema(JsonNode document) {
        this.document = document;
        this.schema = REGISTRY.getSchema(document);
    }

    static EnvelopeSchema load() {
        try {
            return new EnvelopeSchema(MAPPER.readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath().normalize(), e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** What the schema finds wrong with one record value (UTF-8 JSON); empty when the value is valid. */
    List<String> errors(byte[] value) {
        try {
            return errors(MAPPER.readTree(value));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: the schema applies to parsed values only", e);
        }
    }

    List<String> errors(JsonNode value) {
        return messages(schema.validate(value));
    }

    /** What the draft 2020-12 meta-schema finds wrong with this schema document. */
    List<String> metaSchemaErrors() {
        return messages(REGISTRY.getSchema(SchemaLocation.of(DRAFT_2020_12)).validate(document));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
