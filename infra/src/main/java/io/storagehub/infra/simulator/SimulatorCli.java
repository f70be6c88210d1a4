package io.storagehub.infra.simulator;

import io.storagehub.indexer.config.KafkaClientConfig;
import io.storagehub.config.Settings;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code simulator live|backfill}: publishes a seeded, realistic StorageHub chain in the event contract's
 * format, paced or in bulk. Also reachable as {@code java -jar storagehub-devstack.jar simulator ...}.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Publishes a seeded simulated StorageHub chain (contract version 1).",
        subcommands = {LiveCommand.class, BackfillCommand.class})
public final class SimulatorCli implements Runnable {
    /** The environment variables the simulator reads (as defaults of --kafka and --topic). */
    public static final String KAFKA_ENV = "STORAGEHUB_KAFKA_BOOTSTRAP";
    public static final String TOPIC_ENV = "STORAGEHUB_TOPIC";
    public static final String DEFAULT_KAFKA = "localhost:9092";
    public static final String DEFAULT_TOPIC = "storagehub.events";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The Kafka connection: {@code bootstrap} (from --kafka) and the indexer's Kafka client keys from the
     * environment (TLS, SASL, {@code STORAGEHUB_KAFKA_PROPERTIES_FILE}), validated as the indexer does.
     */
    static KafkaClientConfig kafka(String bootstrap) {
        return KafkaClientConfig.from(Settings.load(Optional.empty(), System.getenv(),
                Map.of(KafkaClientConfig.BOOTSTRAP, bootstrap)));
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCli()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: live or backfill");
    }
}
