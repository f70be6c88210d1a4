package io.storagehub.infra.simulator;

import io.storagehub.indexer.config.KafkaClientConfig;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulator live}: publishes the chain block by block at a steady rate until stopped (Ctrl-C). */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Publish the chain live, block by block, at a set rate until Ctrl-C.")
final class LiveCommand implements Callable<Integer> {
    @Mixin
    ChainOptions chain;

    @Option(names = "--rate", defaultValue = "20", description = "Events per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--kafka",
            defaultValue = "${env:" + SimulatorCli.KAFKA_ENV + ":-" + SimulatorCli.DEFAULT_KAFKA + "}",
            description = "Kafka bootstrap servers (default: $STORAGEHUB_KAFKA_BOOTSTRAP or localhost:9092).")
    String kafka;

    @Option(names = "--topic",
            defaultValue = "${env:" + SimulatorCli.TOPIC_ENV + ":-" + SimulatorCli.DEFAULT_TOPIC + "}",
            description = "Topic (default: $STORAGEHUB_TOPIC or storagehub.events).")
    String topic;

    @Override
    public Integer call() throws InterruptedException {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be > 0, got " + rate);
        }
        KafkaClientConfig client = SimulatorCli.kafka(kafka);
        Topics.ensure(client, List.of(topic), 1);
        ChainSimulator simulator = ChainSimulator.open(chain.chain, chain.seed(), chain.stateFile(),
                new KafkaSink(client, topic, KafkaSink.Mode.LIVE));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-stop"));
        simulator.startLive(rate);
        stopped.await();
        return 0;
    }
}
