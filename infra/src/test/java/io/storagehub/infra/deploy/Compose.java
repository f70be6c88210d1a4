package io.storagehub.infra.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code docker-compose.yml}. */
final class Compose {
    private Compose() {
    }

    static JsonNode services() {
        return DeployFiles.yaml("docker-compose.yml").path("services");
    }

    /** A service's environment, in either of compose's forms (map, or list of {@code KEY=value}). */
    static Map<String, String> environment(String service) {
        JsonNode env = services().path(service).path("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env.isArray()) {
            for (JsonNode item : env) {
                String[] kv = item.asText().split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else {
            env.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        }
        return result;
    }

    /** The container side of a service's published ports ({@code "host:container"}). */
    static Set<Integer> containerPorts(String service) {
        Set<Integer> ports = new TreeSet<>();
        for (JsonNode mapping : services().path(service).path("ports")) {
            String text = mapping.asText();
            ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
        }
        return ports;
    }
}
