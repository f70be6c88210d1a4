package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Kubernetes manifests of {@code infra/deploy/k8s}. */
final class Kubernetes {
    private Kubernetes() {
    }

    static JsonNode deployment(String name) {
        return named("Deployment", name);
    }

    static JsonNode service(String name) {
        return named("Service", name);
    }

    private static JsonNode named(String kind, String name) {
        List<JsonNode> matches = DeployFiles.kubernetesObjects(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText())).toList();
        assertThat(matches).as(kind + " " + name).hasSize(1);
        return matches.get(0);
    }

    static JsonNode onlyContainer(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as("containers of " + deployment.path("metadata").path("name")).isEqualTo(1);
        return containers.get(0);
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> result = new LinkedHashMap<>();
        node.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    /** The container's {@code env} entries (values of literal entries; references map to ""). */
    static Map<String, String> explicitEnv(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode entry : container.path("env")) {
            env.put(entry.path("name").asText(), entry.path("value").asText(""));
        }
        return env;
    }

    /** {@code envFrom} (ConfigMaps and Secrets by name from {@code sources}; each must exist), then {@code env}. */
    static Map<String, String> effectiveEnv(JsonNode container, Map<String, Map<String, String>> sources) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            JsonNode ref = from.has("configMapRef") ? from.path("configMapRef") : from.path("secretRef");
            String name = ref.path("name").asText();
            assertThat(sources).as("envFrom source").containsKey(name);
            env.putAll(sources.get(name));
        }
        env.putAll(explicitEnv(container));
        return env;
    }
}
