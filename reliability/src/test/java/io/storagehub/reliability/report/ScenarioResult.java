package io.storagehub.reliability.report;

import java.util.List;
import java.util.Map;

/**
 * A recorded run: what {@code target/reliability/<scenario>.json} holds. {@code note} (null for a fresh run) is
 * what a reader must know about an older recorded run, added to its file by hand and printed with it.
 */
public record ScenarioResult(String scenario, String title, String profile, String command, String status,
                             double seconds, Map<String, Object> figures, List<String> broken, String finishedAt,
                             String note) {
}
