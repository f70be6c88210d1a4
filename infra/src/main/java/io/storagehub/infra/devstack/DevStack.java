package io.storagehub.infra.devstack;

import io.storagehub.infra.simulator.SimulatorCli;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code devstack}: the whole stack in one JVM with embedded defaults (Kafka KRaft broker, Postgres, the chain
 * simulator, the indexer and the query API). State lives in {@code --data-dir}, so a restart resumes. Each
 * embedded server can be replaced by an external one. {@code devstack simulator ...} runs the simulator alone.
 * Exit codes: 0 after Ctrl-C, 1 when the indexer stopped on a fatal error, 2 for bad flags.
 */
@Command(name = "devstack", mixinStandardHelpOptions = true, version = "storagehub devstack 0.1.0",
        description = "Run Kafka, Postgres, a simulated chain, the indexer and the query API in one process.",
        subcommands = SimulatorCli.class)
public final class DevStack implements Callable<Integer> {

    @Mixin
    DevStackOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DevStack()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        DevStackConfig config = options.config();
        PrintStream out = System.out;
        Stack stack = Stack.start(config, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("[devstack] stopping...");
            stack.close();
            out.println("[devstack] stopped; state kept in " + config.dataDir());
            stopped.countDown();
        }, "devstack-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Optional<Throwable> fatal = stack.indexer().awaitTermination();
        if (fatal.isPresent() && stopped.getCount() > 0 && removable(hook)) {
            System.err.println("[devstack] the indexer stopped: " + fatal.get().getMessage());
            stack.close();
            return 1;
        }
        stopped.await();
        return 0;
    }

    /** Removes the hook unless the JVM is already shutting down (then the hook does the stopping). */
    private static boolean removable(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
