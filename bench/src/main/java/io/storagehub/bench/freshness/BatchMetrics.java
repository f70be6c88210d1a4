package io.storagehub.bench.freshness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.storagehub.bench.env.PromText;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live indexer's batch figures from its {@code /metrics} (port from its start-up log line): batches, records,
 * total batch time (from the start of a batch's apply to its commit), and the time of the two stages of the
 * pipeline, applying batches ahead (polling thread) and writing them (writer thread), so two scrapes give the mean
 * batch size and duration and each stage's busy time between them.
 */
public record BatchMetrics(double batches, double records, double batchSeconds, double applySeconds,
                           double writeSeconds) {
    private static final Pattern PORT = Pattern.compile("httpPort=\"?(\\d+)");

    public static Optional<Integer> port(Path indexerLog) throws IOException {
        Matcher m = PORT.matcher(Files.readString(indexerLog));
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    public static BatchMetrics scrape(HttpClient http, int port) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return parse(text);
    }

    static BatchMetrics parse(String text) {
        return new BatchMetrics(value(text, "storagehub_indexer_batch_duration_seconds_count"),
                value(text, "storagehub_indexer_batch_size_sum"),
                value(text, "storagehub_indexer_batch_duration_seconds_sum"),
                value(text, "storagehub_indexer_batch_apply_seconds_sum"),
                value(text, "storagehub_indexer_batch_write_seconds_sum"));
    }

    private static double value(String text, String name) {
        return PromText.sum(text, name);
    }

    public BatchMetrics minus(BatchMetrics before) {
        return new BatchMetrics(batches - before.batches, records - before.records,
                batchSeconds - before.batchSeconds, applySeconds - before.applySeconds,
                writeSeconds - before.writeSeconds);
    }

    public double meanBatchSize() {
        return batches == 0 ? 0 : records / batches;
    }

    public double meanBatchMillis() {
        return batches == 0 ? 0 : batchSeconds * 1000 / batches;
    }
}
