package io.storagehub.testkit.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Postgres server of this JVM's tests. If {@value #URL_ENV} is set (a JDBC URL, with {@value #USER_ENV} and
 * {@value #PASSWORD_ENV}, default {@code postgres}/{@code postgres}) that server is used; otherwise one embedded
 * {@link PostgresServer} is started on first use and stopped by a shutdown hook. Tests share the server and
 * isolate themselves with {@link #isolatedSchema()}.
 */
public final class TestDatabase {
    public static final String URL_ENV = "STORAGEHUB_TEST_DB_URL";
    public static final String USER_ENV = "STORAGEHUB_TEST_DB_USER";
    public static final String PASSWORD_ENV = "STORAGEHUB_TEST_DB_PASSWORD";

    private static Endpoint endpoint;

    private TestDatabase() {
    }

    /** The admin (superuser) JDBC URL of the shared server. */
    public static String jdbcUrl() {
        return endpoint().url();
    }

    public static String user() {
        return endpoint().user();
    }

    public static String password() {
        return endpoint().password();
    }

    /** A data source connecting as the admin user to the shared database (for roles, databases, checks). */
    public static DataSource adminDataSource() {
        return dataSource(jdbcUrl(), user(), password());
    }

    /** Creates a fresh schema with a random name; closing it drops the schema and everything in it. */
    public static IsolatedSchema isolatedSchema() {
        String name = SchemaNames.random();
        execute("CREATE SCHEMA " + SchemaNames.quoted(name));
        Endpoint e = endpoint();
        return new IsolatedSchema(name, SchemaNames.withCurrentSchema(e.url(), name), e.user(), e.password());
    }

    static void execute(String ddl) {
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed on the test database: " + ddl, e);
        }
    }

    static DataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    private static synchronized Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = fromEnvironment().orElseGet(TestDatabase::embedded);
        }
        return endpoint;
    }

    private static Optional<Endpoint> fromEnvironment() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(url.trim(), envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, "postgres")));
    }

    private static Endpoint embedded() {
        PostgresServer server = PostgresServer.start(Optional.empty(), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        return new Endpoint(server.jdbcUrl("postgres"), server.user(), server.password());
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private record Endpoint(String url, String user, String password) {
    }
}
