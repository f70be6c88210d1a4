package io.storagehub.testkit.kafka;

import io.storagehub.testkit.Directories;
import io.storagehub.testkit.net.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process single-node Apache Kafka cluster (KRaft, combined broker and controller) on 127.0.0.1 that can
 * be stopped and started again on the same ports and log directory, keeping its topics and records. A
 * caller-supplied log directory is kept; without one a temporary directory is used that {@link #close()}
 * deletes. Topics are never auto-created.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDir;
    private final boolean ownsLogDir;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private final Map<String, String> saslUsers;
    private KafkaRaftServer server;
    private boolean closed;

    private KafkaBroker(Path logDir, boolean ownsLogDir, int port, int controllerPort, int saslPort,
                        Map<String, String> saslUsers) {
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
        this.saslUsers = Map.copyOf(saslUsers);
    }

    /**
     * Formats (when new) and starts a broker. {@code logDir}: the data directory, empty for a temporary one.
     * {@code port}: the client (PLAINTEXT) port, 0 for a free one. The controller takes another free port.
     * Returns when the broker serves metadata requests.
     */
    public static KafkaBroker start(Optional<Path> logDir, int port) {
        return start(logDir, port, Map.of());
    }

    /**
     * As {@link #start(Optional, int)}, with a second client listener, {@code SASL_PLAINTEXT} with mechanism
     * PLAIN on another free port ({@link #saslBootstrapServers()}), that accepts exactly {@code saslUsers} (user
     * name to password). The PLAINTEXT listener stays, for set-up and checks.
     */
    public static KafkaBroker start(Optional<Path> logDir, int port, Map<String, String> saslUsers) {
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(saslUsers, "saslUsers");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535 (0 = a free port), got " + port);
        }
        Path dir = logDir.orElseGet(() -> Directories.createTemp("storagehub-kafka-"));
        int brokerPort = port == 0 ? FreePort.pick() : port;
        int controllerPort = FreePort.pick();
        while (controllerPort == brokerPort) {
            controllerPort = FreePort.pick();
        }
        int saslPort = 0;
        while (!saslUsers.isEmpty() && (saslPort == 0 || saslPort == brokerPort || saslPort == controllerPort)) {
            saslPort = FreePort.pick();
        }
        KafkaBroker broker = new KafkaBroker(dir, logDir.isEmpty(), brokerPort, controllerPort, saslPort, saslUsers);
        broker.start();
        return broker;
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and log directory. No-op if running. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("broker is closed");
        }
        if (server != null) {
            return;
        }
        Properties props = BrokerSettings.of(logDir, port, controllerPort, saslPort, saslUsers);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(props);
        }
        KafkaRaftServer raftServer = newServer(props);
        raftServer.startup();
        server = raftServer;
        awaitReady();
        LOG.info("Kafka broker listening on {} (log dir {})", bootstrapServers(), logDir);
    }

    /** Shuts the broker down cleanly; its log directory stays. No-op if stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        LOG.info("Kafka broker on port {} stopped", port);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}, stable across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** {@code 127.0.0.1:<sasl port>} of a broker started with SASL users. */
    public String saslBootstrapServers() {
        if (saslUsers.isEmpty()) {
            throw new IllegalStateException("this broker has no SASL listener: start it with SASL users");
        }
        return "127.0.0.1:" + saslPort;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Stops the broker and deletes its log directory if it is a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (ownsLogDir) {
            Directories.deleteRecursively(logDir);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + logDir + "]";
    }

    /**
     * {@code new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM)}, reflectively: KafkaConfig's
     * superclass lives in kafka-server, which kafka_2.13 publishes with runtime scope only.
     */
    private static KafkaRaftServer newServer(Properties props) {
        try {
            Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
            Object config = configClass.getMethod("fromProps", Properties.class).invoke(null, props);
            return KafkaRaftServer.class.getConstructor(configClass, Time.class).newInstance(config, Time.SYSTEM);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("invalid Kafka broker configuration", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("kafka_2.13 does not have the expected KRaft server API", e);
        }
    }

    private void format(Properties props) {
        Path config = null;
        try {
            Files.createDirectories(logDir);
            config = Files.createTempFile("storagehub-kafka-", ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "single-node KRaft test broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--ignore-formatted"},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed (" + rc + "): "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka log dir " + logDir, e);
        } finally {
            if (config != null) {
                config.toFile().delete();
            }
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("broker not ready yet: {}", e.toString());
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker did not become ready within " + STARTUP_TIMEOUT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
