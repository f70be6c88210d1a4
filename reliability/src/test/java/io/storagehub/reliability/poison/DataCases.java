package io.storagehub.reliability.poison;

import static io.storagehub.reliability.poison.Tree.NODES;

import io.storagehub.schema.event.ChainEvent;
import java.math.BigInteger;

/**
 * Poison in the {@code data} of projected events: every field of every projected event type missing
 * ({@code MISSING_FIELD}) and of the wrong JSON kind ({@code INVALID_FIELD}), then values of the right kind that
 * break a rule of their type: u64/u32/u128 out of range or not integers, bad hex, ids of the wrong length,
 * locations and bucket names over their byte limits, bad list elements.
 */
final class DataCases {
    private static final String MISSING = "MISSING_FIELD";
    private static final String INVALID = "INVALID_FIELD";
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    private DataCases() {
    }

    static void addTo(CorpusBuilder b) {
        for (ChainEvent sample : Samples.all()) {
            String type = sample.pallet() + "." + sample.name();
            for (DataFields field : DataFields.of(sample.getClass())) {
                String path = "data." + field.path();
                if (!field.optional()) {
                    b.poison("data/" + type + "/" + field.path() + "/missing", MISSING,
                            tree(b, sample).remove(path).bytes());
                }
                b.poison("data/" + type + "/" + field.path() + "/wrong-kind", INVALID,
                        tree(b, sample).setNumber(path, field.wrongKindLiteral()).bytes());
                if (!field.nullable() && field.kind() != DataFields.Kind.OBJECT) {
                    b.poison("data/" + type + "/" + field.path() + "/null", INVALID,
                            tree(b, sample).setNumber(path, "null").bytes());
                }
            }
        }
        ranges(b);
    }

    private static void ranges(CorpusBuilder b) {
        ChainEvent msp = sample("MspSignUpSuccess");
        number(b, "u64-out-of-range/2^64", msp, "capacity", TWO_64.toString());
        number(b, "u64-out-of-range/negative", msp, "capacity", "-1");
        number(b, "u64-not-an-integer/fraction", msp, "capacity", "1.5");
        number(b, "u64-not-an-integer/exponent", msp, "capacity", "1e3");
        number(b, "u64-out-of-range/2^64-nested", msp, "valueProp.bucketDataLimit", TWO_64.toString());
        ChainEvent request = sample("NewStorageRequest");
        number(b, "u64-out-of-range/size-2^65", request, "size", TWO_64.shiftLeft(1).toString());
        number(b, "u32-out-of-range/expiresAt", request, "expiresAt", "4294967296");
        number(b, "u32-out-of-range/negative", request, "expiresAt", "-1");
        number(b, "u32-out-of-range/replicationTarget", request, "replicationTarget", "4294967296");
        number(b, "u32-out-of-range/lastTickCharged", sample("PaymentStreamCharged"), "lastTickCharged",
                "4294967296");
        ChainEvent slashed = sample("Slashed");
        for (String amount : new String[] {TWO_128.toString(), TWO_128.shiftLeft(1).toString(), "-1", "1.5", "0x10",
                "1e3", " 1", "+1", "", "one"}) {
            text(b, "u128-out-of-range-or-not-decimal/" + amount.trim(), slashed, "amount", amount);
        }
        text(b, "u128-out-of-range/rate", sample("FixedRatePaymentStreamCreated"), "rate", TWO_128.toString());
        ChainEvent accepted = sample("MspAcceptedStorageRequest");
        text(b, "bad-hex/63-digits", accepted, "fileKey", "0x" + "f".repeat(63));
        text(b, "bad-hex/65-digits", accepted, "fileKey", "0x" + "f".repeat(65));
        text(b, "bad-hex/not-hex", accepted, "fileKey", "0x" + "g".repeat(64));
        text(b, "bad-hex/no-0x", accepted, "fileKey", "f".repeat(64));
        text(b, "bad-hex/only-0x", accepted, "fileKey", "0x");
        text(b, "bad-hex/root", sample("BspRootChanged"), "newRoot", "0x" + "z".repeat(64));
        text(b, "bad-account/39-digits", msp, "who", "0x" + "c".repeat(39));
        text(b, "bad-account/hash-length", msp, "who", "0x" + "c".repeat(64));
        text(b, "bad-account/not-hex", msp, "who", "0x" + "x".repeat(40));
        text(b, "bad-bytes/odd-length", msp, "valueProp.commitment", "0x123");
        text(b, "bad-bytes/not-hex", msp, "valueProp.commitment", "0xzz");
        text(b, "bad-bytes/no-0x", msp, "valueProp.commitment", "abcd");
        text(b, "location-too-long/513-ascii-bytes", request, "location", "a".repeat(513));
        text(b, "location-too-long/514-utf8-bytes", request, "location", "é".repeat(257));
        text(b, "location-empty", request, "location", "");
        text(b, "bucket-name-too-long/101-bytes", sample("NewBucket"), "name", "n".repeat(101));
        number(b, "bad-list-element/file-key", sample("BspConfirmedStoring"), "confirmedFileKeys", "[\"0x12\"]");
        number(b, "bad-list-element/multiaddress-number", msp, "multiaddresses", "[42]");
        number(b, "bad-list-element/peer-id-null", request, "peerIds", "[null]");
        number(b, "bad-boolean/string", sample("BucketPrivacyUpdated"), "private", "\"false\"");
        number(b, "bad-boolean/number", sample("BucketPrivacyUpdated"), "private", "0");
    }

    private static void number(CorpusBuilder b, String caseName, ChainEvent sample, String field, String literal) {
        b.poison("data/" + caseName, INVALID, tree(b, sample).setNumber("data." + field, literal).bytes());
    }

    private static void text(CorpusBuilder b, String caseName, ChainEvent sample, String field, String value) {
        b.poison("data/" + caseName, INVALID, tree(b, sample).set("data." + field, NODES.textNode(value)).bytes());
    }

    private static Tree tree(CorpusBuilder b, ChainEvent sample) {
        return Tree.of(b.next(sample));
    }

    private static ChainEvent sample(String name) {
        return Samples.all().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample of " + name));
    }
}
