package io.storagehub.bench.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads wrk's summary (run with {@code --latency}): Requests/sec, the 50 % and 99 % latencies, errors. */
public final class WrkOutput {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private WrkOutput() {
    }

    public static Load parse(String out) {
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rate.find() || !total.find()) {
            throw new IllegalArgumentException("not wrk output:\n" + out);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Load(Double.parseDouble(rate.group(1)), percentile(out, "50"), percentile(out, "99"),
                Long.parseLong(total.group(1)), errors);
    }

    /** A line of the latency distribution, e.g. {@code 99%   12.34ms}, in milliseconds. */
    static double percentile(String out, String pct) {
        Matcher m = Pattern.compile("\\s" + pct + "%\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + pct + "% latency in wrk output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            default -> v * 1000;
        };
    }
}
