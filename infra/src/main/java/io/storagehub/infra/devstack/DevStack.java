package io.storagehub.infra.devstack;

import io.storagehub.config.ConfigException;
import io.storagehub.infra.simulator.SimulatorCli;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final int BAD_FLAGS = 2;

    @Mixin
    DevStackOptions options;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new DevStack());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("configuration error: " + e.getMessage());
                return BAD_FLAGS;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        DevStackConfig config = config();
        PrintStream out = System.out;
        Stack stack = Stack.prepare(config);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping.set(true);
            out.println("[devstack] stopping...");
            stack.close();
            out.println("[devstack] stopped; state kept in " + config.dataDir());
            stopped.countDown();
        }, "devstack-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start(out);
        } catch (RuntimeException e) {
            if (stopping.get()) {
                stopped.await();
                return 0;
            }
            removable(hook);
            stack.close();
            throw e;
        }
        Optional<Throwable> fatal = stack.indexer().awaitTermination();
        if (fatal.isPresent() && !stopping.get() && removable(hook)) {
            System.err.println("[devstack] the indexer stopped: " + fatal.get().getMessage());
            stack.close();
            return 1;
        }
        stopped.await();
        return 0;
    }

    private DevStackConfig config() {
        try {
            return options.config();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
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
