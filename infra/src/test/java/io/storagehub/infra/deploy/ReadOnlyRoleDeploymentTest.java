package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The query API logs in as its own read-only role, never as the indexer's: Kubernetes keeps the two roles'
 * credentials in separate Secrets and a Job creates the API's role from the indexer's credentials; compose does the
 * same with a one-shot psql service that the API waits for. Both run query-api's create-readonly-role.sql.
 */
class ReadOnlyRoleDeploymentTest {
    private static final Path SQL = Path.of("..", "query-api", "src", "main", "resources", "sql",
            "create-readonly-role.sql");
    private static final Path SCRIPT = DeployFiles.ROOT.resolve(Path.of("k8s", "api-role", "create-api-role.sh"));

    @Test
    void kubernetes_givesTheApiAndTheIndexerSeparateSecrets_andDifferentRoles() {
        Map<String, Map<String, String>> sources = Kubernetes.configSources();
        JsonNode indexer = Kubernetes.onlyContainer(Kubernetes.workload("indexer"));
        JsonNode api = Kubernetes.onlyContainer(Kubernetes.workload("query-api"));
        assertThat(secretRefs(api)).doesNotContainAnyElementsOf(secretRefs(indexer));
        assertThat(Kubernetes.effectiveEnv(api, sources).get("STORAGEHUB_DB_USER"))
                .isNotEqualTo(Kubernetes.effectiveEnv(indexer, sources).get("STORAGEHUB_DB_USER"));
    }

    @Test
    void kubernetesJob_createsTheApisRole_asTheIndexersRole_withTheSharedScript() {
        Map<String, Map<String, String>> sources = Kubernetes.configSources();
        Map<String, String> indexer = Kubernetes.effectiveEnv(
                Kubernetes.onlyContainer(Kubernetes.workload("indexer")), sources);
        Map<String, String> api = Kubernetes.effectiveEnv(
                Kubernetes.onlyContainer(Kubernetes.workload("query-api")), sources);
        JsonNode job = Kubernetes.onlyContainer(Kubernetes.named("Job", "query-api-role"));

        Map<String, String> expected = Map.of(
                "PGUSER", indexer.get("STORAGEHUB_DB_USER"), "PGPASSWORD", indexer.get("STORAGEHUB_DB_PASSWORD"),
                "API_DB_USER", api.get("STORAGEHUB_DB_USER"), "API_DB_PASSWORD", api.get("STORAGEHUB_DB_PASSWORD"),
                "DB_URL", api.get("STORAGEHUB_DB_URL"), "DB_SCHEMA", api.get("STORAGEHUB_DB_SCHEMA"));
        expected.forEach((name, value) -> assertThat(Kubernetes.referencedValue(Kubernetes.envEntry(job, name),
                sources)).as(name).isEqualTo(value));
        assertThat(indexer.get("STORAGEHUB_DB_URL")).isEqualTo(api.get("STORAGEHUB_DB_URL"));

        // the script and the SQL reach the Job through the generated ConfigMap it mounts
        String sqlDir = Kubernetes.explicitEnv(job).get("SQL_DIR");
        assertThat(HardeningTest.texts(job.path("command"))).containsExactly("bash", sqlDir + "/create-api-role.sh");
        JsonNode mount = job.path("volumeMounts").get(0);
        assertThat(mount.path("mountPath").asText()).isEqualTo(sqlDir);
        String configMap = Kubernetes.podSpec(Kubernetes.named("Job", "query-api-role")).path("volumes").get(0)
                .path("configMap").path("name").asText();
        JsonNode generator = DeployFiles.yaml("k8s/kustomization.yaml").path("configMapGenerator").get(0);
        assertThat(generator.path("name").asText()).isEqualTo(configMap);
        List<String> files = HardeningTest.texts(generator.path("files"));
        assertThat(files).containsExactlyInAnyOrder("api-role/create-api-role.sh", "api-role/create-readonly-role.sql");
        files.forEach(f -> assertThat(DeployFiles.ROOT.resolve("k8s").resolve(f)).as(f).exists());
        assertThat(DeployFiles.text(DeployFiles.ROOT.resolve(Path.of("k8s", "api-role", "create-readonly-role.sql"))))
                .as("the copy kustomize can read equals query-api's script").isEqualTo(DeployFiles.text(SQL));
    }

    @Test
    void compose_createsTheApisRole_asTheIndexersRole_beforeTheApiStarts() {
        Map<String, String> indexer = Compose.environment("indexer");
        Map<String, String> api = Compose.environment("query-api");
        Map<String, String> role = Compose.environment("query-api-role");
        assertThat(api.get("STORAGEHUB_DB_USER")).isNotEqualTo(indexer.get("STORAGEHUB_DB_USER"));
        assertThat(role).containsEntry("PGUSER", indexer.get("STORAGEHUB_DB_USER"))
                .containsEntry("PGPASSWORD", indexer.get("STORAGEHUB_DB_PASSWORD"))
                .containsEntry("API_DB_USER", api.get("STORAGEHUB_DB_USER"))
                .containsEntry("API_DB_PASSWORD", api.get("STORAGEHUB_DB_PASSWORD"))
                .containsEntry("DB_SCHEMA", api.get("STORAGEHUB_DB_SCHEMA"))
                .containsEntry("DB_URL", api.get("STORAGEHUB_DB_URL").substring("jdbc:".length()));
        assertThat(Compose.services().path("query-api").path("depends_on").path("query-api-role")
                .path("condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(Compose.services().path("query-api-role").path("depends_on").path("indexer")
                .path("condition").asText()).as("after the indexer migrated").isEqualTo("service_healthy");

        JsonNode service = Compose.services().path("query-api-role");
        String script = HardeningTest.texts(service.path("entrypoint")).get(1);
        for (String volume : HardeningTest.texts(service.path("volumes"))) {
            String[] parts = volume.split(":");
            Path host = DeployFiles.ROOT.resolve(parts[0]).normalize();
            if (parts[1].equals(script)) {
                assertThat(host).isEqualTo(SCRIPT.normalize());
            } else {
                assertThat(host).as("the SQL compose mounts").isEqualTo(SQL.normalize());
                assertThat(parts[1]).isEqualTo(role.get("SQL_DIR") + "/create-readonly-role.sql");
            }
        }
    }

    private static List<String> secretRefs(JsonNode container) {
        return StreamSupport.stream(container.path("envFrom").spliterator(), false)
                .filter(from -> from.has("secretRef")).map(from -> from.path("secretRef").path("name").asText())
                .toList();
    }
}
