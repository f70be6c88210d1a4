package io.storagehub.bench.env;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the benchmarks start the indexer with: a heap of their choosing and, for a rebuild, the collector
 * indexer/README recommends there ("JVM options"); {@code run} keeps the JVM's default (G1).
 */
public final class IndexerJvm {
    /** {@code IndexerCli run}: the live indexer (and its first sync), on the default collector. */
    public static final List<String> RUN = List.of("-Xmx1g");
    /** {@code IndexerCli rebuild}: the heap its goal sets, and the throughput collector indexer/README recommends. */
    public static final List<String> REBUILD = List.of("-Xmx512m", "-XX:+UseParallelGC");

    private IndexerJvm() {
    }

    /** {@code options} followed by {@code more}. */
    public static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    /** The options as they are written on a command line. */
    public static String describe(List<String> options) {
        return String.join(" ", options);
    }
}
