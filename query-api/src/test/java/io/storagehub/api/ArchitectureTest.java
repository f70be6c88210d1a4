package io.storagehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The query API reads the read model through the projection port only; it never depends on the indexer. */
class ArchitectureTest {

    @Test
    void noClassOfTheApi_referencesTheIndexer() throws IOException, URISyntaxException {
        Path classes = Path.of(QueryApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> offending;
        try (Stream<Path> files = Files.walk(classes)) {
            offending = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(ArchitectureTest::mentionsIndexer)
                    .toList();
        }
        assertThat(offending).isEmpty();
        assertThat(classes.resolve("io/storagehub/api/QueryApi.class")).exists();
    }

    @Test
    void thePom_hasNoIndexerDependency() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);

        assertThat(pom).contains("<artifactId>query-api</artifactId>").doesNotContain("<artifactId>indexer</artifactId>");
    }

    private static boolean mentionsIndexer(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains("io/storagehub/indexer");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
