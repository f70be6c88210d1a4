package io.storagehub.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The CPU profile of a JFR recording: its {@code jdk.ExecutionSample} events (what
 * {@code jfr print --events jdk.ExecutionSample} lists) aggregated by top frame (self time), by the top frame's
 * package, by thread, and by project method anywhere on the stack (inclusive time).
 */
public record JfrSummary(long samples, Map<String, Long> selfFrames, Map<String, Long> selfPackages,
                         Map<String, Long> threads, Map<String, Long> projectInclusive) {

    public static JfrSummary of(Path recording, int top) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                String topFrame = name(frames.get(0));
                self.merge(topFrame, 1L, Long::sum);
                packages.merge(packageOf(frames.get(0)), 1L, Long::sum);
                String thread = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("-\\d+$", "-N"), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = name(frame);
                    if (name.startsWith("io.storagehub.") && seen.add(name)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recording, e);
        }
        return new JfrSummary(samples, top(self, top), top(packages, top), top(threads, top), top(inclusive, top));
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        int keep = Math.min(parts.length - 1, type.startsWith("io.storagehub.") ? 3 : 2);
        return keep <= 0 ? type : String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
