package io.storagehub.bench.rebuild;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code rebuild --verify}: launch to exit, and how long of it the live checkpoints were held (the live
 * indexer could not commit while the tail was replayed and the schemas compared; NaN when the log does not say).
 */
public record Verified(double seconds, double heldSeconds) {
    /** The indexer's log line (see {@code Verification.HELD}), with its {@code seconds} key-value. */
    private static final Pattern HELD = Pattern.compile(
            "seconds=\"?([0-9.]+)\"?.*verify: live checkpoints held for the tail replay and the comparison");

    static double heldSeconds(List<String> log) {
        for (String line : log) {
            Matcher m = HELD.matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }
}
