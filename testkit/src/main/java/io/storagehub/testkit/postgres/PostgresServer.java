package io.storagehub.testkit.postgres;

import io.storagehub.testkit.Directories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Postgres server (zonky binaries, PG 14, fsync off) on 127.0.0.1 that can be stopped and started
 * again on the same port and data directory. A caller-supplied data directory is never cleaned; without one
 * the server uses a temporary directory that {@link #close()} deletes.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    /** Connections are trusted; drivers that insist on a password may send this one. */
    public static final String SUPERUSER_PASSWORD = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private final Path dataDir;
    private final boolean ownsDataDir;
    private int port;
    private EmbeddedPostgres postgres;
    private boolean closed;

    private PostgresServer(Path dataDir, boolean ownsDataDir, int port) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.port = port;
    }

    /**
     * Starts a server. {@code dataDir}: where the cluster lives (created and initialized if empty, reused
     * as is otherwise); empty for a temporary one. {@code port}: the TCP port, 0 for a free one (kept for
     * restarts).
     */
    public static PostgresServer start(Optional<Path> dataDir, int port) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535 (0 = a free port), got " + port);
        }
        Path dir = dataDir.orElseGet(() -> Directories.createTemp("storagehub-pg-"));
        PostgresServer server = new PostgresServer(dir, dataDir.isEmpty(), port);
        server.start();
        return server;
    }

    /** Starts the server again after {@link #stop()}, on the same port and data. A no-op when running. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Postgres failed to start in " + dataDir, e);
        }
        port = postgres.getPort();
        LOG.info("Postgres listening on 127.0.0.1:{} (data {})", port, dataDir);
    }

    /** Stops the server (fast shutdown); the data stays. A no-op when stopped. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Postgres failed to stop", e);
        } finally {
            postgres = null;
        }
        LOG.info("Postgres on port {} stopped", port);
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public synchronized int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return SUPERUSER_PASSWORD;
    }

    /** A JDBC URL of {@code database} on this server (the database {@code postgres} always exists). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** A non-pooling data source of {@code database}, connecting as the superuser. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl(database));
        ds.setUser(SUPERUSER);
        ds.setPassword(SUPERUSER_PASSWORD);
        return ds;
    }

    /** Stops the server and deletes its data directory if it is a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (ownsDataDir) {
            Directories.deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[127.0.0.1:" + port + ", " + dataDir + "]";
    }
}
