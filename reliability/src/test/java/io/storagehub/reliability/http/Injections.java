package io.storagehub.reliability.http;

import java.util.List;

/**
 * Injection payloads: SQL (quotes, comments, stacked queries, a sleep that would show in the latency), JNDI,
 * script, path traversal, CRLF, format strings, NUL, odd Unicode, and a very long value.
 */
final class Injections {
    static final List<String> ALL = List.of(
            "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE file; --", "'; DELETE FROM bucket; --",
            "x'; SELECT pg_sleep(5); --", "1) UNION SELECT table_name FROM information_schema.tables --",
            "$$; DROP SCHEMA public CASCADE; $$", "\\'; TRUNCATE msp; --", "%27%20OR%201%3D1",
            "${jndi:ldap://127.0.0.1:1/x}", "<script>alert(1)</script>", "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd", "a\r\nSet-Cookie: x=1", "%s%s%s%n", "\u0000", "\uFEFF0xabc",
            "\u202Eevil", "😀", "0x" + "9".repeat(64) + "' --", "*", "%", "_", "\\", "null", "-1e999",
            "x".repeat(5000));

    private Injections() {
    }
}
