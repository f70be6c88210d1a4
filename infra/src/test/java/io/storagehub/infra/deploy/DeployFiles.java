package io.storagehub.infra.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files under {@code infra/deploy}, parsed (tests run in the module directory). */
final class DeployFiles {
    static final Path ROOT = Path.of("deploy");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new JsonMapper();

    private DeployFiles() {
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> withExtension(String... extensions) {
        return all().stream().filter(p -> {
            String name = p.getFileName().toString();
            return Stream.of(extensions).anyMatch(name::endsWith);
        }).toList();
    }

    /** Every document of a YAML file (Kubernetes files hold several, separated by {@code ---}). */
    static List<JsonNode> yamlDocuments(Path file) {
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> result = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    result.add(doc);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("invalid YAML in " + file, e);
        }
    }

    static JsonNode yaml(String relative) {
        List<JsonNode> docs = yamlDocuments(ROOT.resolve(relative));
        if (docs.size() != 1) {
            throw new IllegalStateException(relative + " holds " + docs.size() + " documents, expected 1");
        }
        return docs.get(0);
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("invalid JSON in " + file, e);
        }
    }

    /** Every Kubernetes object of {@code infra/deploy/k8s}. */
    static List<JsonNode> kubernetesObjects() {
        return withExtension(".yaml", ".yml").stream()
                .filter(p -> p.startsWith(ROOT.resolve("k8s")))
                .flatMap(p -> yamlDocuments(p).stream())
                .toList();
    }

    static List<JsonNode> kubernetesObjects(String kind) {
        return kubernetesObjects().stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
