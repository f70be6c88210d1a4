package io.storagehub.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.api.support.Http;
import io.storagehub.api.support.ManualNotifications;
import io.storagehub.api.support.TestServer;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /docs page and its files: served from our resources and the Swagger UI webjar, strict like every route. */
class DocsRoutesTest {
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(new InMemoryQueries(new InMemoryStore()), new ManualNotifications(), Optional::empty);
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void docs_isAnHtmlPage_loadingSwaggerUi_andOurInitializer_underAContentSecurityPolicy() {
        Http.Answer page = http.get("/docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script src=\"/docs/swagger-ui-bundle.js\">", "/docs/docs.js");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.get("/docs/docs.js").body()).contains("url: \"/openapi.json\"");
    }

    @Test
    void swaggerUiFiles_comeFromTheWebjar_withTheirContentTypes() {
        Http.Answer bundle = http.get("/docs/swagger-ui-bundle.js");
        Http.Answer css = http.get("/docs/swagger-ui.css");

        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).isEqualTo(DocsRoutes.JAVASCRIPT);
        assertThat(bundle.body()).isEqualTo(new String(DocsAsset.swaggerUi("swagger-ui-bundle.js", "").body(),
                StandardCharsets.UTF_8));
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(css.contentType()).isEqualTo(DocsRoutes.CSS);
        assertThat(http.get("/docs/favicon-32x32.png").contentType()).isEqualTo(DocsRoutes.PNG);
        assertThat(DocsAsset.swaggerUiVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void otherFiles_are404_andOtherMethods_405_asProblems() {
        for (String path : List.of("/docs/index.html", "/docs/swagger-initializer.js", "/docs/..%2Fpom.xml",
                "/docs/oauth2-redirect.html", "/docs/x/swagger-ui.css")) {
            Http.Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(http.send("POST", "/docs").status()).isEqualTo(405);
        assertThat(http.send("DELETE", "/docs/docs.js").status()).isEqualTo(405);
    }
}
