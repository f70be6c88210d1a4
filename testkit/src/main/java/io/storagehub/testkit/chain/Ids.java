package io.storagehub.testkit.chain;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.ValuePropId;

/**
 * Identifiers that look random but are unique by construction: the last 8 bytes are a bijection of a
 * per-kind counter. Ids of entities that exist use counters below 2^62; {@code unknown*} ids, for poison
 * events, use counters from 2^62 up, so they can never name an entity the chain created.
 */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long UNKNOWN_BASE = 1L << 62;
    // Per-kind salts: counter ^ salt is a bijection, and it keeps bit 62 apart, so the two ranges stay disjoint.
    private static final long ACCOUNT = 0x1F83D9ABFB41BD6BL;
    private static final long PROVIDER = 0x5BE0CD19137E2179L;
    private static final long BUCKET = 0x2B992DDFA23249D6L;
    private static final long FILE = 0x3C6EF372FE94F82BL;
    private static final long VALUE_PROP = 0x1A54FF53A5F1D36FL;

    private final Rng rng;
    private long accounts;
    private long providers;
    private long buckets;
    private long files;
    private long valueProps;
    private long unknown = UNKNOWN_BASE;

    Ids(Rng rng) {
        this.rng = rng;
    }

    AccountId account() {
        return new AccountId(id(20, ACCOUNT, accounts++));
    }

    ProviderId provider() {
        return new ProviderId(id(32, PROVIDER, providers++));
    }

    BucketId bucket() {
        return new BucketId(id(32, BUCKET, buckets++));
    }

    FileKey file() {
        return new FileKey(id(32, FILE, files++));
    }

    ValuePropId valueProp() {
        return new ValuePropId(id(32, VALUE_PROP, valueProps++));
    }

    AccountId unknownAccount() {
        return new AccountId(id(20, ACCOUNT, unknown++));
    }

    ProviderId unknownProvider() {
        return new ProviderId(id(32, PROVIDER, unknown++));
    }

    BucketId unknownBucket() {
        return new BucketId(id(32, BUCKET, unknown++));
    }

    FileKey unknownFile() {
        return new FileKey(id(32, FILE, unknown++));
    }

    ValuePropId unknownValueProp() {
        return new ValuePropId(id(32, VALUE_PROP, unknown++));
    }

    /** 32 random bytes (roots, fingerprints, collection ids). */
    Hash32 hash() {
        char[] out = prefixed(64);
        for (int i = 0; i < 4; i++) {
            put(out, 2 + 16 * i, rng.nextLong());
        }
        return new Hash32(new String(out));
    }

    /** A hash fixed by {@code (salt, n)} alone, independent of the generator's position (block hashes). */
    static Hash32 derivedHash(long salt, long n) {
        char[] out = prefixed(64);
        for (int i = 0; i < 4; i++) {
            put(out, 2 + 16 * i, Rng.mix(salt + Rng.mix(n * 4 + i)));
        }
        return new Hash32(new String(out));
    }

    static String hex(byte[] bytes) {
        char[] out = prefixed(bytes.length * 2);
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[3 + 2 * i] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    private String id(int bytes, long kind, long counter) {
        char[] out = prefixed(bytes * 2);
        int randomChars = bytes * 2 - 16;
        for (int pos = 2; pos < 2 + randomChars; pos += 16) {
            long r = rng.nextLong();
            for (int i = 0; i < 16 && pos + i < 2 + randomChars; i++) {
                out[pos + i] = HEX[(int) ((r >>> (60 - 4 * i)) & 0xf)];
            }
        }
        put(out, 2 + randomChars, Rng.mix(counter ^ kind));
        return new String(out);
    }

    private static char[] prefixed(int hexChars) {
        char[] out = new char[hexChars + 2];
        out[0] = '0';
        out[1] = 'x';
        return out;
    }

    private static void put(char[] out, int at, long value) {
        for (int i = 0; i < 16; i++) {
            out[at + i] = HEX[(int) ((value >>> (60 - 4 * i)) & 0xf)];
        }
    }
}
