package io.storagehub.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.api.support.Http;
import io.storagehub.api.support.ManualNotifications;
import io.storagehub.api.support.TestServer;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChainView;
import io.storagehub.schema.value.ProviderId;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A defect behind an endpoint is a 500 problem with a generic detail and the request id, never a trace. */
class UnexpectedFailuresTest {
    private static TestServer server;

    /** Knows chain "main"; listing MSPs throws an exception, looking one up throws an Error. */
    private static StorageQueries failing() {
        StorageQueries empty = new InMemoryQueries(new InMemoryStore());
        return (StorageQueries) Proxy.newProxyInstance(StorageQueries.class.getClassLoader(),
                new Class<?>[] {StorageQueries.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "chain":
                            return Optional.of(new ChainView("main", 3, new Position(3, 0), Instant.EPOCH));
                        case "msps":
                            throw new IllegalStateException("secret internals of the adapter");
                        case "msp":
                            throw new StackOverflowError("deep secret");
                        default:
                            return method.invoke(empty, args);
                    }
                });
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(failing(), new ManualNotifications(), Optional::empty);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnexpectedException_is500_withTheRequestId_andNoTrace() {
        Http.Answer answer = server.http().get("/v1/chains/main/msps");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).endsWith("/internal");
        assertThat(answer.json().get("detail").asText()).contains(answer.header("X-Request-Id"));
        assertThat(answer.body()).doesNotContain("secret", "Exception", "\tat ");
    }

    @Test
    void anError_is500_andNoTrace() {
        Http.Answer answer = server.http().get("/v1/chains/main/msps/" + ProviderId.of("0x" + "a".repeat(64)));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("secret", "Error", "\tat ");
        assertThat(server.http().get("/health").status()).isEqualTo(200);
    }
}
