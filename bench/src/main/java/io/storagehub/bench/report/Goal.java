package io.storagehub.bench.report;

/** One goal of the issue: what was asked, what was measured, whether it was met. */
public record Goal(String benchmark, String target, String measured, boolean met) {
}
