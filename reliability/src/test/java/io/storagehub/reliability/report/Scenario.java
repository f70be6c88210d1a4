package io.storagehub.reliability.report;

import io.storagehub.reliability.support.Sizes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a scenario: its figures and its checks. {@link #verify()} fails the test with every check that did
 * not hold; {@link #close()} records the run ({@code target/reliability/<scenario>.json}, and the report) whether
 * it passed, failed a check or broke off with an exception.
 */
public final class Scenario implements AutoCloseable {
    /** Figure names every scenario reports (0 when it does not apply). */
    public static final String FAULTS = "faultsInjected";
    public static final String LOST = "recordsLost";
    public static final String DOUBLED = "recordsDoubled";
    public static final String HTTP_5XX = "http5xx";

    private final String id;
    private final String title;
    private final String testClass;
    private final Sizes sizes;
    private final long started = System.nanoTime();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> failed = new ArrayList<>();
    private boolean verified;

    private Scenario(String id, String title, String testClass, Sizes sizes) {
        this.id = id;
        this.title = title;
        this.testClass = testClass;
        this.sizes = sizes;
        figures.put(FAULTS, 0);
        figures.put(LOST, 0);
        figures.put(DOUBLED, 0);
        figures.put(HTTP_5XX, 0);
    }

    public static Scenario start(String id, String title, Class<?> testClass, Sizes sizes) {
        return new Scenario(id, title, testClass.getSimpleName(), sizes);
    }

    public Scenario figure(String name, Object value) {
        figures.put(name, value instanceof Double d ? Math.round(d * 100) / 100.0 : value);
        return this;
    }

    public Object figureValue(String name) {
        return figures.get(name);
    }

    /** A named condition of the scenario's promise; all are checked by {@link #verify()}. */
    public Scenario check(String promise, boolean holds, Object detail) {
        if (!holds) {
            failed.add(promise + ": " + detail);
        }
        return this;
    }

    /** Fails with every check that did not hold. */
    public void verify() {
        verified = true;
        if (!failed.isEmpty()) {
            throw new AssertionError(id + ": " + failed.size() + " promise(s) broken:\n  " + String.join("\n  ",
                    failed));
        }
    }

    @Override
    public void close() {
        String status = !verified ? "broken off" : failed.isEmpty() ? "passed" : "failed";
        Results.record(new ScenarioResult(id, title, sizes.profile(), sizes.command(testClass), status,
                Math.round((System.nanoTime() - started) / 1e8) / 10.0, new LinkedHashMap<>(figures),
                List.copyOf(failed), Instant.now().toString(), null));
    }
}
