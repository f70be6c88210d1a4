package io.storagehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.api.config.ConfigKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_listsEveryKeyWithItsDefault() {
        assertThat(run("--help")).isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(help).contains(key.env());
        }
        assertThat(help).contains("--config").contains("(required)").contains("5000")
                .contains("STORAGEHUB_API_CURSOR_SECRET_FILE", "STORAGEHUB_DB_PASSWORD_FILE");
    }

    @Test
    void unknownArguments_exitWith2() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bogus").contains("--help");
    }

    @Test
    void invalidConfiguration_exitsWith2_namingTheKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("api.properties");
        Files.writeString(file, "STORAGEHUB_API_PORT=not-a-port\n");

        assertThat(run("--config", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("configuration error", "STORAGEHUB_API_PORT",
                "'not-a-port'", "expected an integer");
    }
}
