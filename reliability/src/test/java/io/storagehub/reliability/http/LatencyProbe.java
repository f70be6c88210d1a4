package io.storagehub.reliability.http;

import io.storagehub.reliability.support.HttpProbe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Good requests one after another, timing each: the API's latency as a well-behaved client sees it. */
final class LatencyProbe {
    private final HttpProbe http;
    private final List<String> paths;
    private final AtomicInteger failures = new AtomicInteger();

    LatencyProbe(HttpProbe http, List<String> paths) {
        this.http = http;
        this.paths = paths;
    }

    /** {@code count} requests; their latencies in milliseconds. */
    List<Double> measure(int count) {
        List<Double> millis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            millis.add(one(i));
        }
        return millis;
    }

    /** Requests until {@code stop} is set; their latencies in milliseconds. */
    List<Double> measureUntil(AtomicBoolean stop) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; !stop.get(); i++) {
            millis.add(one(i));
        }
        return millis;
    }

    private double one(int i) {
        HttpProbe.Answer answer = http.get(paths.get(i % paths.size()));
        if (answer.status() != 200) {
            failures.incrementAndGet();
        }
        return answer.millis();
    }

    /** Good requests not answered 200. */
    int failures() {
        return failures.get();
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
