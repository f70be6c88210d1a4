package io.storagehub.infra.simulator;

import io.storagehub.indexer.config.KafkaClientConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulator backfill}: publishes N events as fast as possible, to Kafka or to a JSON-lines file. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Publish N events in bulk to Kafka (--kafka) or to a JSON-lines file (--out).")
final class BackfillCommand implements Callable<Integer> {
    @Mixin
    ChainOptions chain;

    @Option(names = "--events", required = true, description = "How many events to publish.")
    long events;

    @Option(names = "--topic",
            defaultValue = "${env:" + SimulatorCli.TOPIC_ENV + ":-" + SimulatorCli.DEFAULT_TOPIC + "}",
            description = "Topic (default: $STORAGEHUB_TOPIC or storagehub.events).")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    static final class Destination {
        @Option(names = "--kafka", description = "Kafka bootstrap servers.")
        String kafka;

        @Option(names = "--out", description = "JSON-lines file (one envelope per line; appended to).")
        Path out;
    }

    @Override
    public Integer call() {
        if (events < 0) {
            throw new IllegalArgumentException("--events must be >= 0, got " + events);
        }
        EventSink sink;
        if (destination.out != null) {
            sink = new JsonLinesSink(destination.out);
        } else {
            KafkaClientConfig client = SimulatorCli.kafka(destination.kafka);
            Topics.ensure(client, List.of(topic), 1);
            sink = new KafkaSink(client, topic, KafkaSink.Mode.BULK);
        }
        try (ChainSimulator simulator = ChainSimulator.open(chain.chain, chain.seed(), chain.stateFile(), sink)) {
            simulator.backfill(events);
            System.out.printf("published %d events of chain %s (seed %d, %d in total) to %s%n", events,
                    simulator.state().chain(), simulator.state().seed(), simulator.state().emitted(), sink.describe());
        }
        return 0;
    }
}
