package io.storagehub.bench.env;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Diagnostic commands to a running JVM of ours ({@code jcmd <pid> ...}): a full GC, a JFR recording. */
public final class Jcmd {
    private Jcmd() {
    }

    public static String run(long pid, String... command) {
        List<String> full = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        full.addAll(List.of(command));
        return Commands.output(full);
    }
}
