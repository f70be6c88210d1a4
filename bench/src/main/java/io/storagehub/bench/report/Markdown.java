package io.storagehub.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small Markdown helpers: tables and number formats. */
public final class Markdown {
    private Markdown() {
    }

    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> out.append("---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(Markdown::cell).toList())).append(" |\n");
        }
        return out.toString();
    }

    public static String shares(String keyHeader, Map<String, Long> counts, long total) {
        return table(List.of(keyHeader, "samples", "share"), counts.entrySet().stream()
                .map(e -> List.of("`" + e.getKey() + "`", Long.toString(e.getValue()), pct((double) e.getValue() / total)))
                .toList());
    }

    public static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    public static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    public static String dec(double v, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    public static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    public static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%.1fx" : "%.2fx", r);
    }

    /** Microseconds, one decimal: {@code "12.0 µs"}. */
    public static String micros(double micros) {
        return String.format(Locale.ROOT, "%,.1f \u00b5s", micros);
    }

    public static String secs(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    public static String mark(boolean met) {
        return met ? "met" : "**missed**";
    }
}
