package io.storagehub.bench.rebuild;

import io.storagehub.bench.backfill.CopyLoad;
import io.storagehub.bench.env.CpuClock;
import io.storagehub.bench.env.IndexerJvm;
import io.storagehub.bench.env.Jcmd;
import io.storagehub.bench.env.Services;
import io.storagehub.bench.profile.JfrSummary;
import io.storagehub.testkit.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the indexer's rebuild command ({@code IndexerCli rebuild --drop-old}) in its own JVM with a 512 MiB heap,
 * a GC log and a JFR recording, over the whole topic, and times the process. Then measures the COPY ceiling of
 * the rows it produced.
 */
public final class RebuildBench {
    private static final Logger log = LoggerFactory.getLogger(RebuildBench.class);
    private static final long LIVE_SET_EVERY_NANOS = 15_000_000_000L;

    private final Services services;
    private final Path workDir;

    public RebuildBench(Services services, Path workDir) {
        this.services = services;
        this.workDir = workDir;
    }

    /** Asks the JVM for a full collection ({@code jcmd GC.run}), whose result in the GC log is the live set. */
    private static void requestFullGc(long pid) {
        try {
            Jcmd.run(pid, "GC.run");
        } catch (RuntimeException e) {
            log.warn("jcmd GC.run failed (the rebuild may have just ended): {}", e.getMessage());
        }
    }

    /**
     * Times {@code IndexerCli rebuild --drop-old --verify} over the whole topic (same JVM flags as a plain rebuild,
     * no GC log or recording): the rebuild, then the comparison of the rebuilt schema with the live one before the
     * switch. Throws when the rebuild fails or the comparison refuses the switch.
     */
    public Verified verified(long events) throws IOException {
        long start = System.nanoTime();
        Path logFile;
        try (ChildJvm rebuild = ChildJvm.builder("indexer rebuild --verify (" + events + " events)",
                "io.storagehub.indexer.cli.IndexerCli").jvmArgs(IndexerJvm.REBUILD).args("rebuild", "--drop-old",
                        "--verify").env(services.indexerEnv("bench-rebuild-verify"))
                .logFile(workDir.resolve("rebuild-verify-" + events + ".log")).start()) {
            int exit = rebuild.awaitExit(Duration.ofHours(2));
            logFile = rebuild.logFile();
            if (exit != 0) {
                throw new IllegalStateException("rebuild --verify exited with " + exit + "; see " + logFile);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double held = Verified.heldSeconds(Files.readAllLines(logFile));
        log.info("rebuild --verify of {} events: {} s, live checkpoints held {} s", events, seconds, held);
        return new Verified(seconds, held);
    }

    public RebuildResult run(long events) throws Exception {
        String name = "rebuild-" + events;
        Path gc = workDir.resolve(name + "-gc.log");
        Path jfr = workDir.resolve(name + ".jfr");
        List<String> jvm = IndexerJvm.with(IndexerJvm.REBUILD, "-Xlog:gc:file=" + gc,
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        Map<String, String> env = services.indexerEnv("bench-rebuild");
        double pgCpu0 = CpuClock.postgresSeconds(services.pg().postmasterPid());
        double selfCpu0 = CpuClock.seconds(ProcessHandle.current().pid());
        long start = System.nanoTime();
        double childCpu;
        try (ChildJvm rebuild = ChildJvm.builder("indexer rebuild (" + events + " events)",
                "io.storagehub.indexer.cli.IndexerCli").jvmArgs(jvm).args("rebuild", "--drop-old").env(env)
                .logFile(workDir.resolve(name + ".log")).start()) {
            ProcessHandle handle = ProcessHandle.of(rebuild.pid()).orElseThrow();
            double[] cpu = {0};
            Thread sampler = new Thread(() -> {
                long nextGc = System.nanoTime() + LIVE_SET_EVERY_NANOS;
                while (handle.isAlive()) {
                    cpu[0] = Math.max(cpu[0], CpuClock.seconds(handle.pid()));
                    try {
                        if (System.nanoTime() > nextGc) {
                            nextGc = System.nanoTime() + LIVE_SET_EVERY_NANOS;
                            requestFullGc(handle.pid());
                        }
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rebuild-cpu");
            sampler.setDaemon(true);
            sampler.start();
            int exit = rebuild.awaitExit(Duration.ofHours(2));
            sampler.interrupt();
            if (exit != 0) {
                throw new IllegalStateException("rebuild exited with " + exit + "; see " + rebuild.logFile());
            }
            childCpu = cpu[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("rebuild process (last sample, 0.2 s resolution)", childCpu);
        cpu.put("Postgres (all backends)", CpuClock.postgresSeconds(services.pg().postmasterPid()) - pgCpu0);
        cpu.put("harness process (Kafka broker)", CpuClock.seconds(ProcessHandle.current().pid()) - selfCpu0);
        GcLog heap = GcLog.read(gc);
        log.info("rebuild of {} events: {} s, live set peak {} MiB ({} full GCs)", events, seconds, heap.peakLiveMiB(),
                heap.fullCollections());
        CopyLoad.Result copy = TableCopy.copy(services.pg(), services.schema(), "bench_copy_rebuild",
                workDir.resolve("copy"));
        log.info("COPY of the rebuilt rows: {} rows in {}", copy.rows(), copy.took());
        return new RebuildResult(events, seconds, heap, copy, cpu, JfrSummary.of(jfr, 12));
    }
}
