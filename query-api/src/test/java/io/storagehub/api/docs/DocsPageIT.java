package io.storagehub.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.storagehub.api.support.ManualNotifications;
import io.storagehub.api.support.TestServer;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /docs page in a real headless Chromium: Swagger UI loads /openapi.json under the page's Content Security
 * Policy and renders one operation per documented path. Without a browser the test is skipped, unless
 * {@code STORAGEHUB_TEST_BROWSER=required} (set by .ci/run) makes that a failure.
 */
class DocsPageIT {
    private static final String REQUIRED = "STORAGEHUB_TEST_BROWSER";
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    /** Swagger UI renders each operation's path as {@code <span class="opblock-summary-path" data-path=...>}. */
    private static final Pattern RENDERED_PATH =
            Pattern.compile("class=\"opblock-summary-path\" data-path=\"([^\"]*)\"");

    @TempDir
    Path profile;

    @Test
    void docsPage_rendersEveryPathOfTheDocument() throws Exception {
        // given
        Path browser = browser();
        try (TestServer server = TestServer.start(new InMemoryQueries(new InMemoryStore()), new ManualNotifications(),
                Optional::empty)) {
            Set<String> documented = new TreeSet<>();
            server.http().get("/openapi.json").json().get("paths").fieldNames().forEachRemaining(documented::add);

            // when
            String dom = dumpDom(browser, "http://127.0.0.1:" + server.server().port() + "/docs");

            // then
            Set<String> rendered = new TreeSet<>();
            Matcher m = RENDERED_PATH.matcher(dom);
            while (m.find()) {
                rendered.add(m.group(1));
            }
            assertThat(rendered).as("paths Swagger UI rendered (page: %s)", abbreviated(dom))
                    .isEqualTo(documented);
        }
    }

    private String dumpDom(Path browser, String url) throws IOException, InterruptedException {
        Path out = profile.resolve("dom.html");
        Path err = profile.resolve("browser.log");
        Process process = new ProcessBuilder(browser.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile.resolve("user-data"), "--virtual-time-budget=15000",
                "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("%s did not finish within 90 s: %s", browser, Files.readString(err, StandardCharsets.UTF_8));
        }
        assertThat(process.exitValue()).as("%s exit status: %s", browser, Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** The browser on the PATH; skips (or fails, when it is required) without one. */
    private static Path browser() {
        for (String name : BROWSERS) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String message = "no Chromium on the PATH (looked for " + BROWSERS + "): install it with "
                + "`apt-get install -y chromium` to check the /docs page in a headless browser";
        if ("required".equals(System.getenv(REQUIRED))) {
            fail(message + " (" + REQUIRED + "=required)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static String abbreviated(String dom) {
        return dom.length() > 2000 ? dom.substring(0, 2000) + "..." : dom;
    }
}
