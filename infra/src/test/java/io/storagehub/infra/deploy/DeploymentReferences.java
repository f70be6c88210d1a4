package io.storagehub.infra.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the deployment files expect of the running services, for the dev-stack integration test to check live:
 * the HTTP paths of probes and scrapes, and the metric names the Grafana dashboard reads.
 */
public final class DeploymentReferences {
    private DeploymentReferences() {
    }

    /** Paths of every Kubernetes probe, scrape annotation and Prometheus job. */
    public static Set<String> operationsPaths() {
        Set<String> paths = new TreeSet<>();
        for (JsonNode workload : Kubernetes.workloads()) {
            JsonNode container = Kubernetes.onlyContainer(workload);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                paths.add(container.path(probe).path("httpGet").path("path").asText());
            }
            paths.add(workload.path("spec").path("template").path("metadata").path("annotations")
                    .path("prometheus.io/path").asText());
        }
        for (JsonNode job : DeployFiles.yaml("prometheus/prometheus.yml").path("scrape_configs")) {
            paths.add(job.path("metrics_path").asText("/metrics"));
        }
        return paths;
    }

    /** Every metric (sample) name the dashboards' queries read. */
    public static Set<String> dashboardMetrics() {
        Set<String> names = new TreeSet<>();
        for (Path file : DeployFiles.withExtension(".json")) {
            for (JsonNode panel : DeployFiles.json(file).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    names.addAll(PromQl.metricNames(target.path("expr").asText()));
                }
            }
        }
        return names;
    }

    /** The sample names of a Prometheus text exposition. */
    public static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
