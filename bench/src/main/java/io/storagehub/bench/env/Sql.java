package io.storagehub.bench.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** SQL statements of the benchmarks, from resources next to the class that runs them. */
public final class Sql {
    private Sql() {
    }

    /** The text of {@code <package path>/<Class>/<name>.sql}. */
    public static String of(Class<?> owner, String name) {
        String path = "/" + owner.getName().replace('.', '/') + "/" + name + ".sql";
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code schema} the connection's search path (a bound value, not SQL text). */
    public static void useSchema(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            ps.setString(1, schema);
            ps.execute();
        }
    }

    /** Drops {@code schema} with everything in it, if it exists (the name is quoted by format's %I). */
    public static void dropSchema(Connection c, String schema) throws SQLException {
        String drop;
        try (PreparedStatement ps = c.prepareStatement("SELECT format('DROP SCHEMA IF EXISTS %I CASCADE', ?)")) {
            ps.setString(1, schema);
            try (var rs = ps.executeQuery()) {
                rs.next();
                drop = rs.getString(1);
            }
        }
        try (var st = c.createStatement()) {
            st.execute(drop);
        }
    }

    public static DataSource dataSource(PgCluster pg) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.jdbcUrl());
        ds.setUser(PgCluster.USER);
        return ds;
    }
}
