package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.indexer.history.TopicHistory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12 (protected history): every topic the compose file creates keeps its whole history. */
class TopicHistoryDeploymentTest {

    @Test
    void composeCreatesEveryTopic_withUnlimitedRetention() {
        List<String> creations = new ArrayList<>();
        for (JsonNode service : Compose.services()) {
            String command = service.path("command").toString();
            for (String part : command.split("kafka-topics\\.sh")) {
                if (part.contains("--create")) {
                    creations.add(part);
                }
            }
        }
        assertThat(creations).as("topic creations in docker-compose.yml").hasSize(2);
        for (String creation : creations) {
            TopicHistory.PROTECTED.forEach((key, value) ->
                    assertThat(creation).as(creation).contains("--config " + key + "=" + value));
        }
    }
}
