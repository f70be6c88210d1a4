package io.storagehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every module may depend on the configuration loader, so it depends on nothing (tests aside). */
class ArchitectureTest {

    @Test
    void thePom_declaresNoDependencies() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);

        assertThat(pom).contains("<artifactId>config</artifactId>").doesNotContain("<dependency>");
    }
}
