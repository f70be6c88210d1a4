package io.storagehub.bench.backfill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Directories of the work directory that a run starts afresh. */
final class WorkFiles {
    private WorkFiles() {
    }

    /** Deletes {@code dir} with everything in it if it exists, then creates it empty. */
    static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(dir)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path p : paths) {
                Files.delete(p);
            }
        }
        Files.createDirectories(dir);
    }
}
