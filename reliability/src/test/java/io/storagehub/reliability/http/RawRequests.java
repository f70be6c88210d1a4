package io.storagehub.reliability.http;

import io.storagehub.api.support.Malformed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests only a hand-made client sends, as raw bytes: broken percent-encodings and raw non-ASCII bytes, very
 * long targets and headers, garbage request lines, NUL and bare CR in the request line, smuggling-style framing,
 * other methods. {@code mustBe4xx} is relaxed for what HTTP lets a server accept (other methods, absolute-form
 * targets, a body on a GET).
 */
final class RawRequests {

    private RawRequests() {
    }

    static List<BadRequest> of(Malformed m, KnownIds ids, int rounds) {
        String base = "/v1/chains/" + ids.chain();
        List<BadRequest> requests = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            requests.add(get("broken encoding in a path id", base + "/msps/" + m.brokenEncoding()));
            requests.add(get("broken encoding in prefix", base + "/buckets/" + ids.bucket() + "/files?prefix="
                    + m.brokenEncoding()));
            requests.add(get("broken encoding in cursor and limit", base + "/bsps?cursor=" + m.brokenEncoding()
                    + "&limit=" + m.brokenEncoding()));
            requests.add(get("broken encoding in the chain", "/v1/chains/" + m.brokenEncoding() + "/msps"));
            requests.add(get("very long path", base + "/files/" + "x".repeat(9_000 + m.random().nextInt(60_000))));
            requests.add(get("very long query", base + "/bsps?limit=1&x=" + "y".repeat(9_000
                    + m.random().nextInt(60_000))));
            requests.add(BadRequest.raw("huge header", "GET " + base + "/msps HTTP/1.1\r\nHost: x\r\nX-Junk: "
                    + "j".repeat(9_000 + m.random().nextInt(30_000)) + "\r\nConnection: close\r\n\r\n"));
            requests.add(BadRequest.raw("many headers", "GET " + base + "/msps HTTP/1.1\r\nHost: x\r\n"
                    + "X-H: v\r\n".repeat(1_000 + m.random().nextInt(2_000)) + "Connection: close\r\n\r\n"));
            requests.add(rawBytes("raw UTF-8 bytes in the path", base + "/files/" + m.text(20)));
            requests.add(rawBytes("raw bytes in the query", base + "/bsps?limit=" + m.text(5)));
        }
        String msps = base + "/msps";
        for (String line : List.of("GET " + msps, "GET " + msps + " HTTP/9.9", "GET " + msps + " HTTP/0.9")) {
            requests.add(new BadRequest(Attack.UNSUPPORTED_VERSION, null, (line + "\r\nHost: x\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false));
        }
        requests.add(new BadRequest("request line with double spaces (HTTP lets a server accept it)", null,
                ("GET  " + msps + "  HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(
                        StandardCharsets.ISO_8859_1), false));
        for (String line : List.of("GARBAGE", "GET", "GET " + msps + " HTTP/1.1 extra", "get " + msps + " HTTP/1.1",
                "GET " + base + "/ms\0ps HTTP/1.1", "GET " + base + "/msps\r HTTP/1.1", "GET \u0001 HTTP/1.1",
                "GET //../../etc/passwd HTTP/1.1", "GET /v1/chains/../../../etc/passwd HTTP/1.1",
                "GET %2e%2e%2f%2e%2e%2fetc%2fpasswd HTTP/1.1", "GET " + base + "/%00 HTTP/1.1")) {
            requests.add(BadRequest.raw("malformed request line", line + "\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
        requests.add(BadRequest.raw("no Host header", "GET " + msps + " HTTP/1.1\r\nConnection: close\r\n\r\n"));
        requests.add(BadRequest.raw("two Host headers", "GET " + msps + " HTTP/1.1\r\nHost: a\r\nHost: b\r\n"
                + "Connection: close\r\n\r\n"));
        requests.add(BadRequest.raw("header without a colon", "GET " + msps + " HTTP/1.1\r\nHost: x\r\nBroken\r\n"
                + "Connection: close\r\n\r\n"));
        requests.add(BadRequest.raw("Content-Length and Transfer-Encoding", "GET " + msps + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"));
        requests.add(BadRequest.raw("bad chunk size", "POST " + msps + " HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
        requests.add(BadRequest.raw("negative Content-Length", "GET " + msps + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: -5\r\nConnection: close\r\n\r\n"));
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND",
                "HEAD")) {
            requests.add(new BadRequest("method " + method, null, (method + " " + msps + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                    false));
        }
        requests.add(new BadRequest("absolute-form target", null, ("GET http://evil.example" + msps
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false));
        requests.add(new BadRequest("GET with a body", null, ("GET " + msps + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 11\r\nConnection: close\r\n\r\n{\"a\":\"b\"}\r\n").getBytes(
                StandardCharsets.ISO_8859_1), false));
        return requests;
    }

    private static BadRequest get(String kind, String target) {
        return BadRequest.raw(kind, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    private static BadRequest rawBytes(String kind, String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GET ".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(target.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return BadRequest.rawBytes(kind, out.toByteArray());
    }
}
