package io.storagehub.infra.devstack;

import io.storagehub.config.Redaction;
import io.storagehub.infra.simulator.SimulatorState;
import java.io.PrintStream;
import java.util.Optional;

/** What the dev stack prints once it is up: where everything is. */
final class Banner {
    private Banner() {
    }

    static void print(PrintStream out, DevStackConfig config, Servers servers, ApiRole apiRole, String apiUrl,
                      String indexerUrl, Optional<SimulatorState> simulator) {
        out.println();
        out.println("StorageHub dev stack is up");
        out.println("  Query API    " + apiUrl + "   (browse: " + apiUrl + "/docs, OpenAPI: " + apiUrl
                + "/openapi.json, metrics: " + apiUrl + "/metrics)");
        out.println("  Indexer      " + indexerUrl + "/metrics  /health  /ready");
        out.println("  Kafka        " + servers.kafkaBootstrap() + "  topic " + config.topic() + ", dead letters "
                + config.deadLetterTopic() + (servers.embeddedKafka() ? "  (embedded, data in "
                + config.kafkaDir() + ")" : "  (external)"));
        out.println("  Postgres     " + Redaction.url(servers.jdbcUrl()) + "  schema " + config.schema() + "  user "
                + servers.dbUser() + ", query API as read-only " + apiRole.name()
                + (servers.embeddedPostgres() ? "  (embedded, data in "
                + config.postgresDir() + ")" : "  (external)"));
        out.println("  Simulator    " + simulator.map(s -> "chain " + s.chain() + ", seed " + s.seed()
                + describeFeed(config) + (s.emitted() > 0 ? ", resuming after " + s.emitted() + " events" : ""))
                .orElse("off (--no-simulator)"));
        out.println("Example requests follow once the first MSP, bucket and file are indexed. Ctrl-C stops"
                + " everything; the next start resumes from " + config.dataDir() + ".");
        out.println();
    }

    private static String describeFeed(DevStackConfig config) {
        String bulk = config.backfill() > 0 ? ", in bulk up to " + config.backfill() + " events" : "";
        String live = config.rate() > 0 ? ", then " + config.rate() + " events/s live" : ", no live feed";
        return bulk + (bulk.isEmpty() ? live.replace(", then ", ", ") : live);
    }
}
