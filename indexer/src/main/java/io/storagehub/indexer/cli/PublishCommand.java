package io.storagehub.indexer.cli;

import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.indexer.consumer.CodecRecordDecoder;
import io.storagehub.indexer.publish.JsonLinesPublisher;
import io.storagehub.indexer.publish.PublishReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Send contract events from a JSON-lines file (one event per line) to the events topic, "
                + "keyed by each event's chain.",
                "Each line is validated with the contract's decoder first; invalid lines are reported and not "
                        + "sent (exit code 1). --raw sends every line as it is."})
final class PublishCommand implements Callable<Integer> {

    @ParentCommand
    IndexerCli parent;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "The file to send ('-' for standard input).")
    String file;

    @Option(names = "--raw", description = "Send lines without validating them (e.g. to test dead-lettering).")
    boolean raw;

    @Override
    public Integer call() throws IOException {
        IndexerConfig kafka = IndexerConfig.from(options.settings(parent.environment()));
        Map<String, Object> props = new HashMap<>(kafka.client().properties());
        props.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        PublishReport report;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
             BufferedReader lines = open(file)) {
            report = new JsonLinesPublisher(producer, new CodecRecordDecoder(), kafka.topic()).publish(lines, raw);
        }
        PrintWriter out = parent.spec.commandLine().getOut();
        report.errors().forEach(e -> parent.spec.commandLine().getErr().println(e));
        out.printf("%d lines, %d sent to %s, %d invalid%n", report.lines(), report.sent(), kafka.topic(),
                report.invalid());
        out.flush();
        return report.invalid() == 0 ? 0 : IndexerCli.FAILED;
    }

    private static BufferedReader open(String file) throws IOException {
        return "-".equals(file)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }
}
