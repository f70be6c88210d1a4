package io.storagehub.projection.state;

import java.util.HashSet;
import java.util.Set;

/**
 * The keys a batch mentions, collected before applying it so that rows are loaded in bulk: providers, value
 * propositions, buckets, files, streams, the files whose storing BSPs are needed, and the BSPs all of whose files
 * are needed (a BSP signing off).
 */
public record Prefetch(Set<String> providers, Set<ValuePropRow.Key> valueProps, Set<String> buckets,
                       Set<String> files, Set<StreamRow.Key> streams, Set<String> associationsOfFiles,
                       Set<String> filesOfBsps) {

    public static Prefetch empty() {
        return new Prefetch(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
                new HashSet<>(), new HashSet<>());
    }
}
