package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Start, health and stop of the services in the deployment files, against the waits in the code: startup probes
 * outlast the indexer's start-up wait for its database, grace periods outlast the shutdown waits, each service has
 * a PodDisruptionBudget, and each image has a HEALTHCHECK on its /health port.
 */
class LifecycleTest {
    /** JVM exit, closing the pools, and the slack of a loaded node. */
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final Map<String, String> PORT_KEYS = Map.of("indexer", "STORAGEHUB_INDEXER_HTTP_PORT",
            "query-api", "STORAGEHUB_API_PORT");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern START_PERIOD = Pattern.compile("--start-period=(\\S+)");

    @Test
    void startupProbes_checkHealthOnTheServicePort_longerThanTheIndexersWaitForItsDatabase() {
        for (String name : PORT_KEYS.keySet()) {
            JsonNode container = Kubernetes.onlyContainer(Kubernetes.workload(name));
            JsonNode probe = container.path("startupProbe");
            assertThat(probe.path("httpGet").path("path").asText()).as(name).isEqualTo("/health");
            assertThat(probe.path("httpGet").path("port").asText()).as(name)
                    .isEqualTo(Kubernetes.explicitEnv(container).get(PORT_KEYS.get(name)));
            assertThat(container.path("livenessProbe").path("initialDelaySeconds").asInt())
                    .as(name + ": the startup probe holds liveness back").isZero();
        }
        JsonNode indexerProbe = Kubernetes.onlyContainer(Kubernetes.workload("indexer")).path("startupProbe");
        Duration budget = Duration.ofSeconds((long) indexerProbe.path("periodSeconds").asInt(10)
                * indexerProbe.path("failureThreshold").asInt(3));
        assertThat(budget).as("indexer startup probe budget (serves /health after its database wait and "
                + "migrations)").isGreaterThan(ServiceTimings.indexerStartup().plus(MARGIN));
    }

    @Test
    void terminationGracePeriods_outlastTheShutdownWaitsInTheCode() {
        for (String name : PORT_KEYS.keySet()) {
            JsonNode workload = Kubernetes.workload(name);
            JsonNode container = Kubernetes.onlyContainer(workload);
            Duration preStop = Duration.ZERO;
            JsonNode command = container.path("lifecycle").path("preStop").path("exec").path("command");
            if (command.size() == 2 && command.get(0).asText().equals("sleep")) {
                preStop = Duration.ofSeconds(command.get(1).asLong());
            }
            Duration grace = Duration.ofSeconds(Kubernetes.podSpec(workload).path("terminationGracePeriodSeconds")
                    .asLong(30));
            assertThat(grace).as(name + " terminationGracePeriodSeconds")
                    .isGreaterThan(ServiceTimings.shutdown(name).plus(preStop).plus(MARGIN));

            Duration composeGrace = duration(Compose.services().path(name).path("stop_grace_period").asText("10s"));
            assertThat(composeGrace).as(name + " compose stop_grace_period")
                    .isGreaterThan(ServiceTimings.shutdown(name).plus(MARGIN));
        }
    }

    @Test
    void eachService_hasAPodDisruptionBudget_selectingOnlyItsPods() {
        List<JsonNode> budgets = DeployFiles.kubernetesObjects("PodDisruptionBudget");
        for (String name : PORT_KEYS.keySet()) {
            JsonNode workload = Kubernetes.workload(name);
            List<JsonNode> selecting = budgets.stream().filter(b -> selects(b, workload)).toList();
            assertThat(selecting).as("budgets of " + name).hasSize(1);
            JsonNode spec = selecting.get(0).path("spec");
            int replicas = workload.path("spec").path("replicas").asInt(1);
            if (spec.has("minAvailable")) {
                assertThat(spec.path("minAvailable").asInt()).as(name + " minAvailable").isBetween(1, replicas - 1);
            } else {
                assertThat(spec.path("maxUnavailable").asInt()).as(name + " maxUnavailable")
                        .isBetween(1, replicas - 1);
            }
        }
    }

    @Test
    void serviceImages_haveAHealthcheck_onHealthAtTheConfiguredPort_afterTheirStartup() {
        Map<String, Integer> defaultPorts = Map.of(
                "indexer", io.storagehub.indexer.config.HttpConfig.DEFAULT_PORT,
                "query-api", Integer.parseInt(io.storagehub.api.config.ConfigKey.PORT.defaultValue()));
        for (String name : PORT_KEYS.keySet()) {
            Dockerfile image = Dockerfile.parse(DeployFiles.ROOT.resolve("docker").resolve(name + ".Dockerfile"));
            assertThat(image.healthcheck()).as(name + " HEALTHCHECK").isPresent();
            String check = image.healthcheck().get();
            assertThat(check).as(name).contains("${" + PORT_KEYS.get(name) + ":-" + defaultPorts.get(name) + "}")
                    .contains("GET /health ").contains(" 200 ");
            Matcher startPeriod = START_PERIOD.matcher(check);
            assertThat(startPeriod.find()).as(name + " --start-period").isTrue();
            if (name.equals("indexer")) {
                assertThat(duration(startPeriod.group(1))).isGreaterThan(ServiceTimings.indexerStartup());
            }
        }
    }

    private static boolean selects(JsonNode budget, JsonNode workload) {
        JsonNode labels = Kubernetes.podLabels(workload);
        JsonNode selector = budget.path("spec").path("selector").path("matchLabels");
        return selector.size() > 0 && selector.properties().stream()
                .allMatch(e -> labels.path(e.getKey()).asText().equals(e.getValue().asText()));
    }

    /** {@code 90s}, {@code 1m30s}. */
    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        assertThat(m.matches()).as("duration " + text).isTrue();
        return Duration.ofMinutes(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusSeconds(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }
}
