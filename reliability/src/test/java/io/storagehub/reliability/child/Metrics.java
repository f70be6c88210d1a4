package io.storagehub.reliability.child;

import java.util.HashMap;
import java.util.Map;

/** One scrape of a Prometheus text page: the value of each series, by its name and labels as printed. */
public record Metrics(Map<String, Double> series) {
    public static final Metrics NONE = new Metrics(Map.of());

    static Metrics parse(String text) {
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                series.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1).trim()));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalStateException("not a Prometheus sample: " + line, e);
            }
        }
        return new Metrics(Map.copyOf(series));
    }

    /** A series' value, 0 when absent. {@code series} is the name with its labels, e.g. {@code x{a="b"}}. */
    public double value(String series) {
        return this.series.getOrDefault(series, 0.0);
    }

    /** {@code storagehub_indexer_records_total{outcome="<outcome>"}}. */
    public long outcome(String outcome) {
        return (long) value("storagehub_indexer_records_total{outcome=\"" + outcome + "\"}");
    }

    public long recordsRead() {
        return (long) value("storagehub_indexer_records_read_total");
    }

    public long deadLettersPublished() {
        return (long) value("storagehub_indexer_dlq_published_total");
    }
}
