package io.storagehub.testkit.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of a {@link ChildJvm}: this JVM's java binary and class path, the given JVM flags, main class,
 * arguments and environment (the parent's, less any removed prefixes, plus the given variables).
 */
public final class ChildJvmBuilder {
    private final String name;
    private final String mainClass;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> removedEnvPrefixes = new ArrayList<>();
    private Path logFile;
    private boolean watch;
    private Duration stopTimeout = Duration.ofSeconds(60);

    ChildJvmBuilder(String name, String mainClass) {
        this.name = Objects.requireNonNull(name, "name");
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
    }

    /** JVM flags, before the class path (e.g. {@code -Xmx1g}, {@code -Dkey=value}). */
    public ChildJvmBuilder jvmArgs(List<String> flags) {
        jvmArgs.addAll(flags);
        return this;
    }

    public ChildJvmBuilder jvmArgs(String... flags) {
        return jvmArgs(List.of(flags));
    }

    /** Arguments of the main class. */
    public ChildJvmBuilder args(List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    public ChildJvmBuilder args(String... arguments) {
        return args(List.of(arguments));
    }

    /** Environment variables set for the child, over the inherited ones. */
    public ChildJvmBuilder env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** Drops the inherited variables whose names start with {@code prefix} (the given ones are still set). */
    public ChildJvmBuilder withoutInheritedEnv(String prefix) {
        removedEnvPrefixes.add(Objects.requireNonNull(prefix, "prefix"));
        return this;
    }

    /** Where the output (stdout and stderr merged) goes; required. */
    public ChildJvmBuilder logFile(Path file) {
        this.logFile = file;
        return this;
    }

    /** Also keeps the output in memory, line by line, for {@link ChildJvm#log()}. */
    public ChildJvmBuilder watchOutput() {
        this.watch = true;
        return this;
    }

    /** How long {@link ChildJvm#terminate()}, {@link ChildJvm#kill()} and {@link ChildJvm#close()} wait. */
    public ChildJvmBuilder stopTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("stopTimeout must be positive, was " + timeout);
        }
        this.stopTimeout = timeout;
        return this;
    }

    /** The full command line. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public ChildJvm start() {
        if (logFile == null) {
            throw new IllegalStateException("logFile of " + name + " not set");
        }
        List<String> command = command();
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        for (String prefix : removedEnvPrefixes) {
            environment.keySet().removeIf(key -> key.startsWith(prefix));
        }
        environment.putAll(env);
        return ChildJvm.start(name, command, builder, logFile, watch, stopTimeout);
    }
}
