package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in the deployment files: every pod (our services and the role Job) runs as a numeric non-root
 * user with a read-only root file system, no capabilities, no privilege escalation and no Kubernetes API token;
 * the JVMs get a writable /tmp; the Kubernetes user is the images' user; compose's services follow the same rules.
 */
class HardeningTest {
    private static final List<String> COMPOSE_SERVICES = List.of("indexer", "query-api", "simulator");

    @Test
    void everyKubernetesPod_runsAsANumericNonRootUser_withAReadOnlyRootAndNoCapabilities() {
        List<JsonNode> pods = new ArrayList<>(Kubernetes.workloads());
        pods.addAll(DeployFiles.kubernetesObjects("Job"));
        assertThat(pods).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode pod : pods) {
            String name = pod.path("metadata").path("name").asText();
            assertThat(Kubernetes.podSpec(pod).path("automountServiceAccountToken").isBoolean()).as(name).isTrue();
            assertThat(Kubernetes.podSpec(pod).path("automountServiceAccountToken").asBoolean())
                    .as(name + " needs no Kubernetes API token").isFalse();
            JsonNode podSecurity = Kubernetes.podSpec(pod).path("securityContext");
            assertThat(podSecurity.path("runAsNonRoot").asBoolean()).as(name + " runAsNonRoot").isTrue();
            assertThat(podSecurity.path("runAsUser").isInt()).as(name + " numeric runAsUser").isTrue();
            assertThat(podSecurity.path("runAsUser").asInt()).as(name + " runAsUser").isPositive();
            for (JsonNode container : Kubernetes.podSpec(pod).path("containers")) {
                JsonNode security = container.path("securityContext");
                String what = name + "/" + container.path("name").asText();
                assertThat(security.path("allowPrivilegeEscalation").isBoolean()).as(what).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean()).as(what).isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
                assertThat(texts(security.path("capabilities").path("drop"))).as(what).containsExactly("ALL");
            }
        }
    }

    @Test
    void serviceContainers_getAnEmptyDirAsTmp_andRunAsTheirImagesUser() {
        for (JsonNode workload : Kubernetes.workloads()) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode container = Kubernetes.onlyContainer(workload);
            String tmpVolume = null;
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("mountPath").asText().equals("/tmp")) {
                    tmpVolume = mount.path("name").asText();
                }
            }
            assertThat(tmpVolume).as(name + " mounts /tmp (the JVM writes there)").isNotNull();
            boolean emptyDir = false;
            for (JsonNode volume : Kubernetes.podSpec(workload).path("volumes")) {
                if (volume.path("name").asText().equals(tmpVolume)) {
                    emptyDir = volume.has("emptyDir");
                }
            }
            assertThat(emptyDir).as(name + " /tmp is an emptyDir").isTrue();

            Dockerfile image = Dockerfile.parse(DeployFiles.ROOT.resolve(Path.of("docker", name + ".Dockerfile")));
            assertThat(image.user()).as(name + " image user").isPresent();
            assertThat(Kubernetes.podSpec(workload).path("securityContext").path("runAsUser").asText())
                    .as(name + " runs as its image's user").isEqualTo(image.user().get());
        }
    }

    @Test
    void composeServices_runReadOnly_withATmpfs_noCapabilities_andNoNewPrivileges() {
        for (String service : COMPOSE_SERVICES) {
            JsonNode spec = Compose.services().path(service);
            assertThat(spec.path("read_only").asBoolean()).as(service + " read_only").isTrue();
            assertThat(texts(spec.path("tmpfs"))).as(service + " tmpfs").contains("/tmp");
            assertThat(texts(spec.path("cap_drop"))).as(service + " cap_drop").containsExactly("ALL");
            assertThat(texts(spec.path("security_opt"))).as(service).contains("no-new-privileges:true");
        }
        JsonNode role = Compose.services().path("query-api-role");
        assertThat(role.path("read_only").asBoolean()).isTrue();
        assertThat(texts(role.path("cap_drop"))).containsExactly("ALL");
        assertThat(role.path("user").asText()).isNotIn("", "0", "root");
        Map<String, String> images = Map.of("indexer", "indexer.Dockerfile", "query-api", "query-api.Dockerfile");
        images.forEach((service, file) -> assertThat(Dockerfile.parse(DeployFiles.ROOT.resolve("docker").resolve(file))
                .user()).as(service + " image user").hasValueSatisfying(u -> assertThat(u).isNotIn("0", "root")));
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
