package io.storagehub.reliability.report;

import java.util.List;
import java.util.Map;

/** A recorded run: what {@code target/reliability/<scenario>.json} holds. */
public record ScenarioResult(String scenario, String title, String profile, String command, String status,
                             double seconds, Map<String, Object> figures, List<String> broken, String finishedAt) {
}
