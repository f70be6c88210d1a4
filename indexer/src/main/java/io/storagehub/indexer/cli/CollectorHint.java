package io.storagehub.indexer.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * A rebuild is a batch job and runs faster on the throughput collector (indexer/README, JVM options): a note for the
 * operator who started it on another one.
 */
final class CollectorHint {
    private CollectorHint() {
    }

    /** The note for a JVM whose collectors have these names (the throughput collector's are "PS ..."); none on it. */
    static Optional<String> forRebuild(List<String> collectorNames) {
        if (collectorNames.stream().anyMatch(name -> name.startsWith("PS "))) {
            return Optional.empty();
        }
        return Optional.of("note: this JVM collects with " + String.join(" and ", collectorNames) + "; a rebuild runs "
                + "faster on the throughput collector: java -XX:+UseParallelGC -jar <indexer jar> rebuild "
                + "(indexer/README, JVM options)");
    }

    /** The names of the running JVM's collectors. */
    static List<String> running() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
    }
}
