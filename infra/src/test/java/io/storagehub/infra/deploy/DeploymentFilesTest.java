package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The deployment files (no Docker engine here) are checked against the code: they parse, every STORAGEHUB_*
 * variable they set is a key the service reads, probes and scrape targets use the configured ports and the
 * operations paths, and the Grafana dashboard reads only documented metrics.
 */
class DeploymentFilesTest {
    static final Set<String> OPS_PATHS = Set.of("/health", "/ready", "/metrics");

    @Test
    void everyYamlAndJsonFile_parses() {
        List<Path> yaml = DeployFiles.withExtension(".yml", ".yaml");
        List<Path> json = DeployFiles.withExtension(".json");
        assertThat(yaml).extracting(Path::toString).contains(
                Path.of("deploy", "docker-compose.yml").toString(),
                Path.of("deploy", "prometheus", "prometheus.yml").toString(),
                Path.of("deploy", "k8s", "indexer.yaml").toString(),
                Path.of("deploy", "k8s", "query-api.yaml").toString());
        assertThat(json).isNotEmpty();
        yaml.forEach(p -> assertThat(DeployFiles.yamlDocuments(p)).as(p.toString()).isNotEmpty());
        json.forEach(p -> assertThat(DeployFiles.json(p).isObject()).as(p.toString()).isTrue());
    }

    @Test
    void composeServices_setOnlyVariablesTheirCodeReads_andEveryRequiredOne() {
        JsonNode services = Compose.services();
        Map<String, Set<String>> known = Map.of("indexer", ConfigKeys.indexer(), "query-api", ConfigKeys.api(),
                "simulator", ConfigKeys.simulator());
        Set<String> withStorageHubVariables = new TreeSet<>();
        services.fieldNames().forEachRemaining(name -> {
            Set<String> keys = storageHubKeys(Compose.environment(name).keySet());
            if (!keys.isEmpty()) {
                withStorageHubVariables.add(name);
                assertThat(known).as("service %s sets %s", name, keys).containsKey(name);
                assertThat(known.get(name)).as("keys read by " + name).containsAll(keys);
            }
        });
        assertThat(withStorageHubVariables).containsExactlyInAnyOrder("indexer", "query-api", "simulator");
        assertThat(Compose.environment("query-api").keySet()).containsAll(ConfigKeys.apiRequired());
        assertThat(Compose.environment("indexer")).containsEntry("STORAGEHUB_INDEXER_HTTP_HOST", "0.0.0.0");
        assertThat(Compose.environment("query-api")).containsEntry("STORAGEHUB_API_HOST", "0.0.0.0");
    }

    @Test
    void composePortsAndPrometheusTargets_matchTheConfiguredPorts() {
        Map<String, Integer> ports = Map.of(
                "indexer", Integer.parseInt(Compose.environment("indexer").get("STORAGEHUB_INDEXER_HTTP_PORT")),
                "query-api", Integer.parseInt(Compose.environment("query-api").get("STORAGEHUB_API_PORT")));
        ports.forEach((service, port) -> assertThat(Compose.containerPorts(service)).as(service).contains(port));

        JsonNode prometheus = DeployFiles.yaml("prometheus/prometheus.yml");
        Map<String, String> targets = new HashMap<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText("/metrics")).isIn(OPS_PATHS).isEqualTo("/metrics");
            for (JsonNode config : job.path("static_configs")) {
                for (JsonNode target : config.path("targets")) {
                    String[] hostPort = target.asText().split(":");
                    targets.put(hostPort[0], hostPort[1]);
                }
            }
        }
        assertThat(targets).containsOnlyKeys("indexer", "query-api");
        targets.forEach((host, port) -> assertThat(Integer.parseInt(port)).as(host).isEqualTo(ports.get(host)));
    }

    @Test
    void composeBuilds_pointAtExistingDockerfiles_andMountTheProvisionedFiles() {
        Path repo = Path.of("..");
        for (String service : List.of("indexer", "query-api", "simulator")) {
            JsonNode build = Compose.services().path(service).path("build");
            Path context = DeployFiles.ROOT.resolve(build.path("context").asText());
            assertThat(context.resolve("pom.xml")).as(service + " build context").exists();
            assertThat(context.resolve(build.path("dockerfile").asText())).as(service).exists();
        }
        assertThat(repo.resolve("pom.xml")).exists();
        List<String> grafanaVolumes = new ArrayList<>();
        Compose.services().path("grafana").path("volumes").forEach(v -> grafanaVolumes.add(v.asText()));
        String dashboardsMount = null;
        for (String volume : grafanaVolumes) {
            String[] parts = volume.split(":");
            assertThat(DeployFiles.ROOT.resolve(parts[0])).as(volume).isDirectory();
            if (parts[0].endsWith("dashboards")) {
                dashboardsMount = parts[1];
            }
        }
        JsonNode provider = DeployFiles.yaml("grafana/provisioning/dashboards/storagehub.yml").path("providers").get(0);
        assertThat(provider.path("options").path("path").asText()).isEqualTo(dashboardsMount);
        for (String volume : List.of("prometheus")) {
            Compose.services().path(volume).path("volumes").forEach(v ->
                    assertThat(DeployFiles.ROOT.resolve(v.asText().split(":")[0])).exists());
        }
    }

    @Test
    void kubernetesConfig_holdsOnlyKeysTheServicesRead_andEachDeploymentGetsItsRequiredKeys() {
        Set<String> everyKey = new TreeSet<>(ConfigKeys.indexer());
        everyKey.addAll(ConfigKeys.api());
        Map<String, Map<String, String>> sources = new HashMap<>();
        for (JsonNode map : DeployFiles.kubernetesObjects("ConfigMap")) {
            sources.put(map.path("metadata").path("name").asText(), Kubernetes.stringMap(map.path("data")));
        }
        for (JsonNode secret : DeployFiles.kubernetesObjects("Secret")) {
            sources.put(secret.path("metadata").path("name").asText(), Kubernetes.stringMap(secret.path("stringData")));
        }
        sources.values().forEach(keys -> assertThat(everyKey).containsAll(storageHubKeys(keys.keySet())));

        Map<String, Set<String>> known = Map.of("indexer", ConfigKeys.indexer(), "query-api", ConfigKeys.api());
        Map<String, Set<String>> required = Map.of(
                "indexer", Set.of("STORAGEHUB_KAFKA_BOOTSTRAP", "STORAGEHUB_DB_URL", "STORAGEHUB_DB_USER",
                        "STORAGEHUB_DB_PASSWORD", "STORAGEHUB_INDEXER_GROUP"),
                "query-api", ConfigKeys.apiRequired());
        List<JsonNode> deployments = DeployFiles.kubernetesObjects("Deployment");
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder("indexer", "query-api");
        for (JsonNode deployment : deployments) {
            JsonNode container = Kubernetes.onlyContainer(deployment);
            String name = container.path("name").asText();
            Map<String, String> env = Kubernetes.effectiveEnv(container, sources);
            assertThat(known.get(name)).as("keys read by " + name)
                    .containsAll(storageHubKeys(Kubernetes.explicitEnv(container).keySet()));
            assertThat(env.keySet()).as("keys given to " + name).containsAll(required.get(name));
        }
        JsonNode indexer = Kubernetes.deployment("indexer");
        assertThat(indexer.path("spec").path("replicas").asInt()).isGreaterThan(1);
        assertThat(Kubernetes.explicitEnv(Kubernetes.onlyContainer(indexer)))
                .as("one consumer group for every replica").doesNotContainKey("STORAGEHUB_INDEXER_GROUP");
    }

    @Test
    void kubernetesProbesServicesAndScrapeAnnotations_useTheConfiguredPortAndOperationsPaths() {
        Map<String, String> portKeys = Map.of("indexer", "STORAGEHUB_INDEXER_HTTP_PORT",
                "query-api", "STORAGEHUB_API_PORT");
        Map<String, String> hostKeys = Map.of("indexer", "STORAGEHUB_INDEXER_HTTP_HOST",
                "query-api", "STORAGEHUB_API_HOST");
        for (String name : portKeys.keySet()) {
            JsonNode deployment = Kubernetes.deployment(name);
            JsonNode container = Kubernetes.onlyContainer(deployment);
            Map<String, String> env = Kubernetes.explicitEnv(container);
            assertThat(env).as(name).containsEntry(hostKeys.get(name), "0.0.0.0");
            int port = Integer.parseInt(env.get(portKeys.get(name)));
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).as(name).isEqualTo(port);
            JsonNode liveness = container.path("livenessProbe").path("httpGet");
            JsonNode readiness = container.path("readinessProbe").path("httpGet");
            assertThat(liveness.path("path").asText()).isEqualTo("/health");
            assertThat(readiness.path("path").asText()).isEqualTo("/ready");
            assertThat(liveness.path("port").asInt()).as(name).isEqualTo(port);
            assertThat(readiness.path("port").asInt()).as(name).isEqualTo(port);
            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(Integer.toString(port));
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");

            JsonNode service = Kubernetes.service(name);
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            service.path("spec").path("selector").properties().forEach(selector ->
                    assertThat(labels.path(selector.getKey()).asText()).isEqualTo(selector.getValue().asText()));
            assertThat(service.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(port);
        }
    }

    @Test
    void dockerfiles_buildTheServicesMainClassInTwoStages_andExposeTheDefaultPort() throws Exception {
        Map<String, Integer> defaultPorts = Map.of(
                "indexer", io.storagehub.indexer.config.HttpConfig.DEFAULT_PORT,
                "query-api", Integer.parseInt(io.storagehub.api.config.ConfigKey.PORT.defaultValue()));
        List<Path> dockerfiles = DeployFiles.withExtension(".Dockerfile");
        assertThat(dockerfiles).extracting(p -> p.getFileName().toString())
                .contains("indexer.Dockerfile", "query-api.Dockerfile", "simulator.Dockerfile");
        for (Path file : dockerfiles) {
            Dockerfile dockerfile = Dockerfile.parse(file);
            String service = file.getFileName().toString().replace(".Dockerfile", "");
            assertThat(dockerfile.stages()).as(file.toString()).hasSize(2);
            assertThat(dockerfile.stages().get(0)).startsWith("maven:").contains("temurin-17");
            assertThat(dockerfile.stages().get(1)).isEqualTo("eclipse-temurin:17-jre");
            assertThat(Path.of("..", dockerfile.builtModule(), "pom.xml")).as(file.toString()).exists();
            Class.forName(dockerfile.mainClass()).getMethod("main", String[].class);
            if (defaultPorts.containsKey(service)) {
                assertThat(dockerfile.builtModule()).isEqualTo(service);
                assertThat(dockerfile.exposedPorts()).containsExactly(defaultPorts.get(service));
            }
            for (String copied : dockerfile.copiedPaths()) {
                assertThat(Path.of("..", copied)).as(file + " copies " + copied).exists();
            }
            Path ignore = Path.of(file + ".dockerignore");
            assertThat(ignore).as("build outputs stay out of the context").exists();
            assertThat(DeployFiles.text(ignore)).contains("**/target");
        }
    }

    @Test
    void grafanaDashboard_readsOnlyDocumentedMetrics_fromTheProvisionedDatasource() {
        JsonNode datasource = DeployFiles.yaml("grafana/provisioning/datasources/prometheus.yml")
                .path("datasources").get(0);
        String uid = datasource.path("uid").asText();
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        Set<String> documented = MetricNames.documented();
        List<Path> dashboards = DeployFiles.withExtension(".json").stream()
                .filter(p -> p.startsWith(DeployFiles.ROOT.resolve("grafana"))).toList();
        assertThat(dashboards).isNotEmpty();
        Set<String> read = new TreeSet<>();
        for (Path file : dashboards) {
            for (JsonNode panel : DeployFiles.json(file).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText()).isEqualTo(uid);
                    read.addAll(PromQl.metricNames(target.path("expr").asText()));
                }
            }
        }
        assertThat(read).isNotEmpty();
        assertThat(read).allSatisfy(metric -> assertThat(MetricNames.family(metric))
                .as("metric %s (documented: %s)", metric, documented)
                .isIn(documented.stream().map(MetricNames::family).toList()));
    }

    private static Set<String> storageHubKeys(Set<String> keys) {
        Set<String> result = new TreeSet<>();
        keys.stream().filter(k -> k.startsWith("STORAGEHUB_")).forEach(result::add);
        return result;
    }
}
