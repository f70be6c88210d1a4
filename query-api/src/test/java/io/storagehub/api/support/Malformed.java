package io.storagehub.api.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Seeded generator of malformed request parts: every value it returns is invalid where it is used. */
public final class Malformed {
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE file; --",
            "\" OR \"\"=\"", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "../../../../etc/passwd",
            "%00", "\u0000", "NaN", "-0", "1e9", "0x", "0X", "null", "[]", "{}", "\\", "😀", "\uFFFF", "%", "%%");
    private final Random random;

    public Malformed(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Not a hex32 nor an account: wrong length, wrong characters, injections, very long. */
    public String id() {
        switch (random.nextInt(6)) {
            case 0: return "0x" + hex(random.nextInt(100) == 0 ? 0 : pick(List.of(1, 39, 41, 63, 65, 128)));
            case 1: return hex(64);
            case 2: return "0x" + hex(63) + pick(List.of("g", "z", " ", "-", "_", "ü"));
            case 3: return pick(INJECTIONS);
            case 4: return "0x" + "f".repeat(1 + random.nextInt(3000));
            default: return text(1 + random.nextInt(80));
        }
    }

    /** Not a chain name: uppercase, underscores, too long, injections. */
    public String chain() {
        switch (random.nextInt(4)) {
            case 0: return "Chain" + random.nextInt(100);
            case 1: return "a".repeat(65 + random.nextInt(100));
            case 2: return "bad_chain." + random.nextInt(100);
            default: return pick(INJECTIONS);
        }
    }

    public String limit() {
        return pick(List.of("0", "-1", "1001", "99999999999999999999", "1.5", "", "abc", "+1", " 1", "0x10",
                Long.toString(Long.MIN_VALUE), "1,2", pick(INJECTIONS)));
    }

    public String cursor() {
        byte[] bytes = new byte[random.nextInt(120)];
        random.nextBytes(bytes);
        switch (random.nextInt(4)) {
            case 0: return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case 1: return java.util.Base64.getEncoder().encodeToString(bytes);
            case 2: return pick(INJECTIONS);
            default: return "A".repeat(4097 + random.nextInt(1000));
        }
    }

    /** A prefix or path value that must be rejected (too long, NUL). */
    public String longOrNulText() {
        return random.nextBoolean() ? "é".repeat(257 + random.nextInt(200)) : "a\u0000b" + text(5);
    }

    /** Not a u32 block number. */
    public String minBlock() {
        return pick(List.of("-1", "4294967296", "99999999999999999999", "x", "", "1.0", "1e3", "+1",
                pick(INJECTIONS)));
    }

    /** Not a wait in 0..10000 ms. */
    /** Not a position {@code {block}:{index}} of two u32. */
    public String position() {
        return pick(List.of("1", "1:", ":1", "a:b", "1:2:3", "-1:0", "0:-1", "4294967296:0", "0:4294967296", "",
                "1;2", "1.0:2", " 1:2", "99999999999999999999:1", pick(INJECTIONS)));
    }

    public String waitMs() {
        return pick(List.of("-1", "10001", "99999999999999999999", "x", "", "1.0", "1e3", pick(INJECTIONS)));
    }

    public String hex(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    /** Random printable and non-ASCII characters. */
    public String text(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            b.append(kind < 6 ? (char) (0x21 + random.nextInt(0x5e)) : kind < 9 ? (char) (0xa0 + random.nextInt(0x500))
                    : "😀");
        }
        return b.toString();
    }

    /** Percent-encodes every byte of the UTF-8 form (always a valid URI component). */
    public static String encodeAll(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            b.append('%').append(String.format("%02X", x & 0xff));
        }
        return b.toString();
    }

    /** A broken percent-encoding or bytes that are not UTF-8. */
    public String brokenEncoding() {
        return pick(List.of("%", "%z", "%zz", "%G0", "%C3%28", "%FF", "%E9", "%ED%A0%80", "%C0%AF", "%F8%88%80%80%80",
                "%E2%82", "%%41"));
    }
}
