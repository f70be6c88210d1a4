package io.storagehub.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.api.support.ManualNotifications;
import io.storagehub.api.support.RawHttp;
import io.storagehub.api.support.TestServer;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Jetty rejects before the application sees it still comes out as a problem document, without a trace. */
class ProtocolErrorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TestServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = TestServer.start(new InMemoryQueries(new InMemoryStore()), new ManualNotifications(), Optional::empty);
        port = server.server().port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode problem(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        return clientProblem(answer);
    }

    /** A 4xx problem document, whichever 4xx. */
    private static JsonNode clientProblem(RawHttp.Answer answer) throws Exception {
        int status = answer.status();
        assertThat(status).as("%s", answer).isBetween(400, 499);
        assertThat(answer.contentType()).as("%s", answer).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "org.eclipse", "<html");
        JsonNode body = MAPPER.readTree(answer.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).startsWith("https://storagehub.io/problems/");
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void badPercentEncodingInThePath_is400() throws Exception {
        problem(RawHttp.get(port, "/v1/chains/%zz/msps"), 400);
        problem(RawHttp.get(port, "/v1/chains/%C3%28/msps"), 400);
        problem(RawHttp.get(port, "/v1/chains/abc%/msps"), 400);
    }

    @Test
    void ambiguousOrEscapingPaths_are4xx() throws Exception {
        problem(RawHttp.get(port, "/v1/chains/a%2Fb/msps"), 400);
        clientProblem(RawHttp.get(port, "/v1/chains/%2e%2e/%2e%2e/etc/passwd"));
        clientProblem(RawHttp.get(port, "/v1/chains/../../../etc/passwd"));
        clientProblem(RawHttp.get(port, "/v1/chains/main/msps/..%2F..%2F..%2Fetc"));
    }

    @Test
    void tooLongUri_is414() throws Exception {
        problem(RawHttp.get(port, "/v1/chains/" + "a".repeat(20_000) + "/msps"), 414);
    }

    @Test
    void tooLargeHeaders_are431() throws Exception {
        problem(RawHttp.get(port, "/health", "X-Big: " + "b".repeat(20_000)), 431);
    }

    @Test
    void garbageRequestLines_are400() throws Exception {
        problem(RawHttp.send(port, "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 400);
        problem(RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)), 400);
        problem(RawHttp.send(port, "GET /v1/chains/\u0001/msps HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void badQueryEncodings_are400_fromTheApplication() throws Exception {
        problem(RawHttp.get(port, "/v1/chains/main/msps?limit=%zz"), 400);
        problem(RawHttp.get(port, "/v1/chains/main/msps?cursor=%FF%FE"), 400);
        byte[] rawUtf8 = "GET /v1/chains/main/msps?prefix=\u00ff\u00fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        clientProblem(RawHttp.send(port, rawUtf8));
    }
}
