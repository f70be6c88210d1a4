package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The services' production logback.xml: INFO, key=value lines by default, JSON objects with
 * STORAGEHUB_LOG_FORMAT=json, and a bad value named on every line; logback reports no warning or error. The test
 * jar of query-api carries no logback-test.xml that could shadow it.
 */
class LoggingConfigTest {
    private static final List<String> SERVICES = List.of("indexer", "query-api");
    private static final String KEY = "STORAGEHUB_LOG_FORMAT";

    @Test
    void text_isKeyValueLines_withTheEventsKeyValuePairs() {
        for (String service : SERVICES) {
            String line = logOneLine(service, "text");
            assertThat(line).as(service).contains("level=INFO").contains("logger=io.storagehub.test")
                    .contains("chain=\"devnet\"").contains("msg=\"indexed 3\"").doesNotContain("config_error");
        }
    }

    @Test
    void json_isOneObjectPerLine_withLevelMessageAndKeyValuePairs() throws IOException {
        for (String service : SERVICES) {
            JsonNode line = new JsonMapper().readTree(logOneLine(service, "json"));
            assertThat(line.path("level").asText()).as(service).isEqualTo("INFO");
            assertThat(line.path("formattedMessage").asText()).as(service).isEqualTo("indexed 3");
            assertThat(line.path("kvpList").toString()).as(service).contains("chain").contains("devnet");
        }
    }

    @Test
    void anUnknownFormat_logsText_namingTheSetting() {
        for (String service : SERVICES) {
            assertThat(logOneLine(service, "yaml")).as(service).contains("msg=\"indexed 3\"")
                    .contains("config_error=\"" + KEY + " must be text or json, got 'yaml'");
        }
    }

    @Test
    void queryApiTestJar_carriesNoLogbackTestXml() throws IOException {
        Path target = Path.of("..", "query-api", "target");
        List<Path> jars;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jars = files.filter(p -> p.getFileName().toString().endsWith("-tests.jar")).toList();
        }
        assumeTrue(!jars.isEmpty(), "query-api's test jar is built by mvn package/verify");
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.getEntry("logback-test.xml")).as(jar.toString()).isNull();
            }
        }
    }

    /** Configures a fresh logback context from the service's logback.xml and logs one INFO event. */
    private static String logOneLine(String service, String format) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty(KEY, format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            configurator.doConfigure(Path.of("..", service, "src", "main", "resources", "logback.xml").toFile());
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
            context.getLogger("io.storagehub.test").atInfo().addKeyValue("chain", "devnet").log("indexed {}", 3);
            context.getLogger("io.storagehub.test").debug("not at INFO");
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(stdout);
            context.stop();
        }
        List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).toList();
        assertThat(problems).as(service + " logback status").isEmpty();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as(service + " " + format).hasSize(1);
        return lines.get(0);
    }
}
