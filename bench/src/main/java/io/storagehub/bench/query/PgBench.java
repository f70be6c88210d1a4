package io.storagehub.bench.query;

import io.storagehub.bench.env.Commands;
import io.storagehub.bench.env.PgCluster;
import io.storagehub.bench.env.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The database ceiling of a query: pgbench runs, per transaction, the SQL the API runs per request, i.e. the
 * data statement only (e.g. {@code JdbiStorageQueries/file.sql}; the API takes {@code X-Indexed-Block} from its
 * cache of each chain's indexed block, which notifications and a max age keep current, not from
 * {@code chain.sql}), read from the projection's own .sql resources, prepared, at the same concurrency as wrk.
 * Each transaction draws a random {@code i} and takes its parameters from {@code bench_ids.params} in scalar
 * sub-selects (pgbench variables are numbers; one round trip, one primary-key probe of a small cached table per
 * parameter).
 */
public final class PgBench {
    private static final String QUERIES = "/io/storagehub/projection/jdbi/JdbiStorageQueries/";
    private static final Map<String, String> COLUMNS = Map.of("fileKey", "file_key", "bucketId", "bucket_id",
            "lowerLocation", "lower_location", "lowerFileKey", "lower_file_key", "upperBound", "upper_bound",
            "prefix", "prefix");

    /** One row of parameters: file key, or bucket with keyset bounds and prefix. */
    public record Params(String fileKey, String bucketId, String lowerLocation, String lowerFileKey,
                         String upperBound, String prefix) {
    }

    private final PgCluster pg;
    private final Path workDir;
    private final String schema;
    private final String chain;

    public PgBench(PgCluster pg, Path workDir, String schema, String chain) throws SQLException {
        this.pg = pg;
        this.workDir = workDir;
        this.schema = schema;
        this.chain = chain;
        try (Connection c = pg.connect(); var st = c.createStatement()) {
            st.execute(Sql.of(PgBench.class, "createTables"));
        }
    }

    public void params(String scenario, List<Params> rows) throws SQLException {
        try (Connection c = pg.connect();
             PreparedStatement ps = c.prepareStatement(Sql.of(PgBench.class, "insertParams"))) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows.size(); i++) {
                Params p = rows.get(i);
                ps.setString(1, scenario);
                ps.setInt(2, i + 1);
                ps.setString(3, p.fileKey());
                ps.setString(4, p.bucketId());
                ps.setString(5, p.lowerLocation());
                ps.setString(6, p.lowerFileKey());
                ps.setString(7, p.upperBound());
                ps.setString(8, p.prefix());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute(Sql.of(PgBench.class, "analyzeParams"));
            }
        }
    }

    /**
     * Writes the scenario's script, running {@code statement} ({@code file} or {@code bucketFiles}) with its
     * parameters, and runs it for {@code seconds} without keeping the figures.
     */
    public void warmUp(String scenario, String statement, int rows, int connections, int seconds) {
        try {
            Files.writeString(script(scenario), script(scenario, statement, rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Commands.output(command(script(scenario), connections, seconds, null));
    }

    /** Runs the script {@link #warmUp} wrote and returns its throughput and latency. */
    public Load measure(String scenario, int connections, int seconds) {
        String prefix = "pgbench-" + scenario + "-log";
        deleteLogs(prefix);
        String summary = Commands.output(command(script(scenario), connections, seconds, prefix));
        Load load = PgBenchOutput.parse(summary, workDir, prefix);
        deleteLogs(prefix);
        return load;
    }

    private Path script(String scenario) {
        return workDir.resolve("pgbench-" + scenario + ".sql");
    }

    static String script(String scenario, String statement, int rows) {
        Map<String, String> replace = new LinkedHashMap<>();
        COLUMNS.forEach((param, column) -> replace.put(param, "(SELECT " + column
                + " FROM bench_ids.params WHERE scenario = '" + scenario + "' AND i = :i)"));
        String data = resource(statement);
        for (Map.Entry<String, String> e : replace.entrySet()) {
            data = data.replaceAll("(?<![:\\w]):" + e.getKey() + "\\b", java.util.regex.Matcher.quoteReplacement(
                    e.getValue()));
        }
        return "\\set i random(1, " + rows + ")\n" + data + ";\n";
    }

    private static String resource(String name) {
        try (InputStream in = PgBench.class.getResourceAsStream(QUERIES + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(Path script, int connections, int seconds, String logPrefix) {
        List<String> command = new ArrayList<>(List.of(pg.bin("pgbench").toString(), "-h", "127.0.0.1",
                "-p", Integer.toString(pg.port()), "-U", PgCluster.USER, "-n", "-M", "prepared",
                "-c", Integer.toString(connections), "-j", "2", "-T", Integer.toString(seconds),
                "-f", script.toString(), "-D", "chain=" + chain, "-D", "limit=101"));
        if (logPrefix != null) {
            command.add("--log");
            command.add("--log-prefix=" + workDir.resolve(logPrefix));
        }
        command.add(PgCluster.DATABASE);
        return withSearchPath(command);
    }

    /** pgbench sessions resolve the read model's tables through {@code PGOPTIONS=-c search_path=<schema>}. */
    private List<String> withSearchPath(List<String> command) {
        List<String> full = new ArrayList<>(List.of("env", "PGOPTIONS=-c search_path=" + schema));
        full.addAll(command);
        return full;
    }

    private void deleteLogs(String prefix) {
        try (var files = Files.list(workDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix + ".")).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
