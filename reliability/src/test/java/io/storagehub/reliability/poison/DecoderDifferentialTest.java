package io.storagehub.reliability.poison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storagehub.schema.codec.DecodeException;
import io.storagehub.schema.codec.EventDecoder;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.codec.TreeEventDecoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming decoder against the tree decoder it replaces, on the poison corpus, generated chains (with the
 * generator's poison and not-projected events), their fields reordered, and random breakages of one part of a
 * record: equal events, or equal errors (kind, message, chain and position).
 */
class DecoderDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LITERALS = {"null", "\"\"", "\"x\"", "-1", "0", "1", "1.5", "1.0", "1e3",
        "4294967296", "18446744073709551616", "99999999999999999999999999999999999999999", "[]", "[1,\"a\"]", "{}",
        "{\"a\":1}", "true", "\"0x00\"", "\"0XAB\"", "\"\\u0000\"", "\"\\ud800\"", "\"12345678901234567890\""};

    private final EventDecoder streaming = new EventDecoder();
    private final TreeEventDecoder tree = new TreeEventDecoder();
    private final Map<String, Integer> outcomes = new java.util.TreeMap<>();
    private final List<String> differences = new ArrayList<>();

    @Test
    void bothDecoders_agree_onEveryRecord() throws Exception {
        for (CorpusRecord record : PoisonCorpus.load()) {
            compare(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value());
        }
        Random random = new Random(20261204L);
        EventEncoder encoder = new EventEncoder();
        for (String chain : List.of("diff-a", "diff-b")) {
            ChainGenerator generator = new ChainGenerator(ChainGenerator.Config.defaults(chain, random.nextLong())
                    .withPoisonRate(0.1).withNotProjectedRate(0.1));
            for (Envelope event : generator.take(6_000)) {
                String json = encoder.toJson(event);
                compare(chain, json.getBytes(StandardCharsets.UTF_8));
                ObjectNode root = (ObjectNode) JSON.readTree(json);
                compare(chain, reordered(root, random));
                compare(chain, broken(root.deepCopy(), random));
                compare(chain, brokenBytes(json.getBytes(StandardCharsets.UTF_8), random));
            }
        }
        assertThat(differences).isEmpty();
        assertThat(outcomes).containsKeys("decoded", "NOT_JSON", "NOT_AN_OBJECT", "NOT_UTF8", "UNSUPPORTED_VERSION",
                "INVALID_ENVELOPE", "KEY_MISMATCH", "MISSING_FIELD", "INVALID_FIELD");
    }

    private void compare(String key, byte[] value) {
        Object fromTree = decode(() -> tree.decode(key, value));
        Object fromStream = decode(() -> streaming.decode(key, value));
        if (!fromTree.equals(fromStream) && differences.size() < 20) {
            differences.add(new String(value, StandardCharsets.UTF_8) + "\n  tree:      " + fromTree
                    + "\n  streaming: " + fromStream);
        }
        outcomes.merge(fromTree instanceof Envelope ? "decoded" : ((Failure) fromTree).kind, 1, Integer::sum);
    }

    private record Failure(String kind, String message, Object chain, Object position) {
    }

    private interface Decode {
        Envelope run() throws DecodeException;
    }

    private static Object decode(Decode decode) {
        try {
            return decode.run();
        } catch (DecodeException e) {
            return new Failure(e.kind().name(), comparable(e), e.chain(), e.position());
        }
    }

    /**
     * The message, except the syntax error's wording, which is Jackson's own and differs between its tree reader
     * ("expected a valid value (JSON String, ...)") and its parser ("expected a value"): there the kind of error and
     * where it is are compared.
     */
    private static String comparable(DecodeException e) {
        String message = e.getMessage();
        if (e.kind() != io.storagehub.schema.codec.DecodeError.NOT_JSON || !message.contains("not valid JSON: ")) {
            return message;
        }
        int at = message.lastIndexOf(" (line ");
        return "not valid JSON" + (at < 0 ? "" : message.substring(at));
    }

    /** The same fields in a random order, data first half of the time, block's fields shuffled too. */
    private static byte[] reordered(ObjectNode root, Random random) throws Exception {
        ObjectNode out = JSON.createObjectNode();
        List<String> names = names(root);
        java.util.Collections.shuffle(names, random);
        if (random.nextBoolean()) {
            names.remove("data");
            names.add(0, "data");
        }
        for (String name : names) {
            JsonNode value = root.get(name);
            out.set(name, value.isObject() && name.equals("block") ? shuffled((ObjectNode) value, random) : value);
        }
        return JSON.writeValueAsBytes(out);
    }

    private static ObjectNode shuffled(ObjectNode node, Random random) {
        List<String> names = names(node);
        java.util.Collections.shuffle(names, random);
        ObjectNode out = JSON.createObjectNode();
        names.forEach(name -> out.set(name, node.get(name)));
        return out;
    }

    /** One part of the record removed or replaced by another JSON value; sometimes an extra field. */
    private static byte[] broken(ObjectNode root, Random random) throws Exception {
        List<ObjectNode> parents = new ArrayList<>(List.of(root));
        for (String part : List.of("block", "data")) {
            if (root.get(part) instanceof ObjectNode object) {
                parents.add(object);
                object.elements().forEachRemaining(child -> {
                    if (child instanceof ObjectNode nested) {
                        parents.add(nested);
                    }
                });
            }
        }
        ObjectNode parent = parents.get(random.nextInt(parents.size()));
        List<String> names = names(parent);
        if (names.isEmpty()) {
            return JSON.writeValueAsBytes(root);
        }
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0 -> parent.remove(name);
            case 1 -> parent.set("extra" + random.nextInt(3), JSON.readTree(literal(random)));
            default -> parent.set(name, JSON.readTree(literal(random)));
        }
        return JSON.writeValueAsBytes(root);
    }

    /** The encoded bytes cut short, with a stray byte, followed by something, or with a duplicated key. */
    private static byte[] brokenBytes(byte[] value, Random random) {
        int at = random.nextInt(value.length);
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(value, at);
            case 1 -> {
                byte[] copy = value.clone();
                copy[at] = (byte) (random.nextBoolean() ? 0xC3 : "{}[],:\"x1".charAt(random.nextInt(9)));
                yield copy;
            }
            case 2 -> (new String(value, StandardCharsets.UTF_8) + (random.nextBoolean() ? " {}" : "\n"))
                    .getBytes(StandardCharsets.UTF_8);
            default -> (random.nextBoolean() ? "{\"index\":0," : "{\"v\":1,")
                    .concat(new String(value, StandardCharsets.UTF_8).substring(1)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String literal(Random random) {
        return LITERALS[random.nextInt(LITERALS.length)];
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
