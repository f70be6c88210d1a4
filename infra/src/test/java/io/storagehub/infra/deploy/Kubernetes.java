package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the Kubernetes manifests of {@code infra/deploy/k8s}. */
final class Kubernetes {
    /** The kinds that run our services' pods. */
    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet");

    private Kubernetes() {
    }

    /** The Deployments and StatefulSets. */
    static List<JsonNode> workloads() {
        return DeployFiles.kubernetesObjects().stream()
                .filter(o -> WORKLOAD_KINDS.contains(o.path("kind").asText())).toList();
    }

    /** The Deployment or StatefulSet of that name. */
    static JsonNode workload(String name) {
        List<JsonNode> matches = workloads().stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText())).toList();
        assertThat(matches).as("workload " + name).hasSize(1);
        return matches.get(0);
    }

    static JsonNode service(String name) {
        return named("Service", name);
    }

    static JsonNode named(String kind, String name) {
        List<JsonNode> matches = DeployFiles.kubernetesObjects(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText())).toList();
        assertThat(matches).as(kind + " " + name).hasSize(1);
        return matches.get(0);
    }

    /** The pod spec of a workload or Job. */
    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    static JsonNode onlyContainer(JsonNode workload) {
        JsonNode containers = podSpec(workload).path("containers");
        assertThat(containers.size()).as("containers of " + workload.path("metadata").path("name")).isEqualTo(1);
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

    /** The {@code env} entry of that name (its {@code value} or {@code valueFrom}). */
    static JsonNode envEntry(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (name.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        throw new AssertionError(container.path("name").asText() + " has no env " + name);
    }

    /** ConfigMap data and Secret stringData, by object name. */
    static Map<String, Map<String, String>> configSources() {
        Map<String, Map<String, String>> sources = new LinkedHashMap<>();
        for (JsonNode map : DeployFiles.kubernetesObjects("ConfigMap")) {
            sources.put(map.path("metadata").path("name").asText(), stringMap(map.path("data")));
        }
        for (JsonNode secret : DeployFiles.kubernetesObjects("Secret")) {
            sources.put(secret.path("metadata").path("name").asText(), stringMap(secret.path("stringData")));
        }
        return sources;
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

    /** The value a {@code configMapKeyRef} / {@code secretKeyRef} env entry points at (which must exist). */
    static String referencedValue(JsonNode envEntry, Map<String, Map<String, String>> sources) {
        JsonNode from = envEntry.path("valueFrom");
        JsonNode ref = from.has("configMapKeyRef") ? from.path("configMapKeyRef") : from.path("secretKeyRef");
        String source = ref.path("name").asText();
        String key = ref.path("key").asText();
        assertThat(sources).as("source of " + envEntry.path("name").asText()).containsKey(source);
        assertThat(sources.get(source)).as(source).containsKey(key);
        return sources.get(source).get(key);
    }
}
