package io.storagehub.testkit.postgres;

import javax.sql.DataSource;

/**
 * A schema of the shared test database that belongs to one test. Connections from {@link #jdbcUrl()} and
 * {@link #dataSource()} have it as their current schema (unqualified names resolve in it). {@link #close()}
 * drops it with everything in it.
 */
public final class IsolatedSchema implements AutoCloseable {
    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private boolean closed;

    IsolatedSchema(String name, String jdbcUrl, String user, String password) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public String name() {
        return name;
    }

    /** A JDBC URL whose connections default to this schema ({@code currentSchema=<name>}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A non-pooling data source of {@link #jdbcUrl()}. */
    public DataSource dataSource() {
        return TestDatabase.dataSource(jdbcUrl, user, password);
    }

    /** Drops the schema (CASCADE). Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            TestDatabase.execute("DROP SCHEMA IF EXISTS " + SchemaNames.quoted(name) + " CASCADE");
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "IsolatedSchema[" + name + "]";
    }
}
