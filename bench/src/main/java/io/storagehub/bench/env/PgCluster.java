package io.storagehub.bench.env;

import io.storagehub.testkit.net.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Postgres cluster of the machine's own binaries (Debian's {@code postgresql} package), created with
 * {@code initdb} in a temporary directory and run with {@code pg_ctl} on a free loopback port, in a durable
 * configuration: fsync, synchronous_commit and full_page_writes on. As root it runs as the {@code postgres}
 * user. {@link #close()} stops it (fast shutdown) and deletes its directory.
 */
public final class PgCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgCluster.class);
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final Path binDir;
    private final Path root;
    private final Path data;
    private final int port;
    private final Map<String, String> settings;
    private boolean running;

    private PgCluster(Path binDir, Path root, int port, Map<String, String> settings) {
        this.binDir = binDir;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.settings = settings;
    }

    /** The server settings the benchmarks run with: durable, sized for a 24 GiB machine shared with others. */
    public static Map<String, String> durableSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fsync", "on");
        s.put("synchronous_commit", "on");
        s.put("full_page_writes", "on");
        s.put("shared_buffers", "1GB");
        s.put("max_wal_size", "4GB");
        s.put("max_connections", "200");
        s.put("shared_preload_libraries", "pg_stat_statements");
        s.put("pg_stat_statements.track", "top");
        return s;
    }

    public static PgCluster start(Map<String, String> settings) {
        Path bin = findBinDir();
        try {
            Path root = Files.createTempDirectory("storagehub-bench-pg-");
            PgCluster cluster = new PgCluster(bin, root, FreePort.pick(), settings);
            cluster.init();
            cluster.launch();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code $STORAGEHUB_BENCH_PG_BIN}, else the newest {@code /usr/lib/postgresql/<version>/bin}. */
    static Path findBinDir() {
        String env = System.getenv("STORAGEHUB_BENCH_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(p -> p.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no Postgres under /usr/lib/postgresql: "
                            + "apt-get install -y postgresql (bench/run.sh does)"));
        } catch (IOException e) {
            throw new IllegalStateException("no Postgres under /usr/lib/postgresql: apt-get install -y postgresql", e);
        }
    }

    private void init() throws IOException {
        if (isRoot()) {
            UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal postgres = users.lookupPrincipalByName("postgres");
            Files.setOwner(root, postgres);
        }
        Commands.run(asPostgres(List.of(binDir.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-locale")), root.resolve("initdb.log"));
        StringBuilder conf = new StringBuilder("\n# storagehub benchmark\n");
        conf.append("listen_addresses = '127.0.0.1'\n");
        conf.append("port = ").append(port).append('\n');
        conf.append("unix_socket_directories = '").append(root).append("'\n");
        settings.forEach((k, v) -> conf.append(k).append(" = '").append(v).append("'\n"));
        Files.writeString(data.resolve("postgresql.conf"), Files.readString(data.resolve("postgresql.conf")) + conf);
    }

    private void launch() {
        Commands.run(asPostgres(List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                root.resolve("server.log").toString(), "-w", "-t", "60", "start")), root.resolve("pg_ctl.log"));
        running = true;
        log.info("Postgres {} listening on 127.0.0.1:{} (data {})", binDir, port, data);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        return full;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Path binDir() {
        return binDir;
    }

    public Path bin(String tool) {
        return binDir.resolve(tool);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** The process id of the postmaster (first line of postmaster.pid). */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            try {
                Commands.run(asPostgres(List.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(),
                        "-m", "fast", "-w", "stop")), root.resolve("pg_ctl-stop.log"));
            } catch (RuntimeException e) {
                log.warn("stopping Postgres failed: {}", e.getMessage());
            }
        }
        Commands.deleteRecursively(root);
    }
}
