package io.storagehub.reliability.poison;

import static io.storagehub.reliability.poison.Tree.NODES;

import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.testkit.chain.ChainScript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Poison the decoder must recognise, by the contract (docs/wire-format.md): bytes that are not UTF-8 or not JSON, JSON that
 * is not an object, a wrong version, a key that is not the chain, and every envelope field missing, ill-typed or
 * out of range. Each case breaks exactly one thing of an otherwise valid event at the next position.
 */
final class WireCases {

    private WireCases() {
    }

    static void addTo(CorpusBuilder b) {
        bytes(b);
        version(b);
        keys(b);
        envelope(b);
    }

    private static Tree valid(CorpusBuilder b) {
        return Tree.of(b.next(new ProvidersEvent.Slashed(ChainScript.provider(1), Balance.of(1))));
    }

    private static void bytes(CorpusBuilder b) {
        b.poison("bytes/not-utf8", "NOT_UTF8", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        b.poison("bytes/overlong-utf8-in-a-string", "NOT_UTF8", splice(valid(b).text(), "\"alpha\"",
                new byte[] {'"', 'a', (byte) 0xc0, (byte) 0xaf, '"'}));
        b.poison("bytes/utf8-encoded-surrogate", "NOT_UTF8", splice(valid(b).text(), "\"alpha\"",
                new byte[] {'"', 'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}));
        b.poison("bytes/latin1-in-a-string", "NOT_UTF8", splice(valid(b).text(), "\"alpha\"",
                new byte[] {'"', 'a', (byte) 0xe9, '"'}));
        b.poison("bytes/truncated-multibyte-at-the-end", "NOT_UTF8", concat(valid(b).bytes(),
                new byte[] {(byte) 0xe2, (byte) 0x82}));
        b.add("bytes/tombstone-null-value", "NOT_UTF8", CorpusBuilder.KEY, null);
        b.poison("json/plain-text", "NOT_JSON", "not json at all");
        b.poison("json/empty", "NOT_JSON", "");
        b.poison("json/whitespace-only", "NOT_JSON", " \n ");
        String event = valid(b).text();
        b.poison("json/truncated", "NOT_JSON", event.substring(0, event.length() / 2));
        b.poison("json/trailing-garbage", "NOT_JSON", valid(b).text() + "x");
        b.poison("json/two-values", "NOT_JSON", valid(b).text() + " {}");
        b.poison("json/duplicate-key", "NOT_JSON", "{\"v\":1," + valid(b).text().substring(1));
        b.poison("json/single-quotes", "NOT_JSON", valid(b).text().replace('"', '\''));
        b.poison("json/nan-literal", "NOT_JSON", valid(b).text().replace("\"v\":1", "\"v\":NaN"));
        b.poison("json/comment", "NOT_JSON", "/* resent */" + valid(b).text());
        b.poison("json/unquoted-field-name", "NOT_JSON", valid(b).text().replace("\"v\":", "v:"));
        b.poison("object/array", "NOT_AN_OBJECT", "[]");
        b.poison("object/event-in-an-array", "NOT_AN_OBJECT", "[" + valid(b).text() + "]");
        b.poison("object/string", "NOT_AN_OBJECT", "\"event\"");
        b.poison("object/number", "NOT_AN_OBJECT", "42");
        b.poison("object/null", "NOT_AN_OBJECT", "null");
        b.poison("object/boolean", "NOT_AN_OBJECT", "true");
    }

    private static void version(CorpusBuilder b) {
        b.poison("version/missing", "UNSUPPORTED_VERSION", valid(b).remove("v").bytes());
        for (String v : new String[] {"2", "0", "-1", "1.0", "1.5", "4294967297", "null", "true"}) {
            b.poison("version/" + v, "UNSUPPORTED_VERSION", valid(b).setNumber("v", v).bytes());
        }
        b.poison("version/string", "UNSUPPORTED_VERSION", valid(b).set("v", "1").bytes());
    }

    private static void keys(CorpusBuilder b) {
        key(b, "key/other-chain", "beta".getBytes(StandardCharsets.UTF_8));
        key(b, "key/null", null);
        key(b, "key/uppercase", "ALPHA".getBytes(StandardCharsets.UTF_8));
        key(b, "key/trailing-space", "alpha ".getBytes(StandardCharsets.UTF_8));
        key(b, "key/empty", new byte[0]);
        key(b, "key/not-utf8", new byte[] {'a', 'l', (byte) 0xff, 'h', 'a'});
    }

    private static void key(CorpusBuilder b, String caseName, byte[] key) {
        b.add(caseName, "KEY_MISMATCH", key, valid(b).bytes());
    }

    private static void envelope(CorpusBuilder b) {
        String[] required = {"chain", "block", "block.number", "block.hash", "block.parentHash", "block.timestamp",
                "index", "pallet", "name", "data"};
        for (String field : required) {
            b.poison("envelope/" + field + "/missing", "INVALID_ENVELOPE", valid(b).remove(field).bytes());
        }
        invalid(b, "chain/number", "chain", "42");
        invalid(b, "chain/null", "chain", "null");
        b.add("envelope/chain/uppercase", "INVALID_ENVELOPE", "Alpha".getBytes(StandardCharsets.UTF_8),
                valid(b).set("chain", "Alpha").bytes());
        b.add("envelope/chain/underscore", "INVALID_ENVELOPE", "al_pha".getBytes(StandardCharsets.UTF_8),
                valid(b).set("chain", "al_pha").bytes());
        String tooLong = "a".repeat(65);
        b.add("envelope/chain/65-chars", "INVALID_ENVELOPE", tooLong.getBytes(StandardCharsets.UTF_8),
                valid(b).set("chain", tooLong).bytes());
        b.add("envelope/chain/empty", "INVALID_ENVELOPE", new byte[0], valid(b).set("chain", "").bytes());
        invalid(b, "block/string", "block", "\"1\"");
        invalid(b, "block/array", "block", "[]");
        invalid(b, "block.number/string", "block.number", "\"1\"");
        invalid(b, "block.number/negative", "block.number", "-1");
        invalid(b, "block.number/u32-overflow", "block.number", "4294967296");
        invalid(b, "block.number/fraction", "block.number", "1.5");
        invalid(b, "block.hash/number", "block.hash", "42");
        text(b, "block.hash/short-hex", "block.hash", "0x12");
        text(b, "block.hash/no-0x", "block.hash", "d".repeat(64));
        text(b, "block.parentHash/not-hex", "block.parentHash", "0x" + "g".repeat(64));
        text(b, "block.parentHash/65-hex", "block.parentHash", "0x" + "d".repeat(65));
        invalid(b, "block.timestamp/number", "block.timestamp", "1704067200");
        text(b, "block.timestamp/words", "block.timestamp", "yesterday");
        text(b, "block.timestamp/space-separator", "block.timestamp", "2024-01-01 00:00:00Z");
        text(b, "block.timestamp/month-13", "block.timestamp", "2024-13-01T00:00:00Z");
        invalid(b, "index/negative", "index", "-1");
        invalid(b, "index/u32-overflow", "index", "4294967296");
        invalid(b, "index/string", "index", "\"0\"");
        invalid(b, "pallet/number", "pallet", "7");
        text(b, "pallet/empty", "pallet", "");
        text(b, "pallet/65-chars", "pallet", "P".repeat(65));
        invalid(b, "name/number", "name", "7");
        text(b, "name/empty", "name", "");
        invalid(b, "data/array", "data", "[]");
        invalid(b, "data/string", "data", "\"{}\"");
        invalid(b, "data/null", "data", "null");
    }

    private static void invalid(CorpusBuilder b, String caseName, String path, String literal) {
        b.poison("envelope/" + caseName, "INVALID_ENVELOPE", valid(b).setNumber(path, literal).bytes());
    }

    private static void text(CorpusBuilder b, String caseName, String path, String value) {
        b.poison("envelope/" + caseName, "INVALID_ENVELOPE", valid(b).set(path, NODES.textNode(value)).bytes());
    }

    /** {@code text} with its first occurrence of {@code target} replaced by raw bytes. */
    private static byte[] splice(String text, String target, byte[] replacement) {
        int at = text.indexOf(target);
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + target.length()).getBytes(StandardCharsets.UTF_8);
        return concat(concat(before, replacement), after);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
