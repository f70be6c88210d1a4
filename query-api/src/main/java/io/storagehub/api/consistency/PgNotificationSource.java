package io.storagehub.api.consistency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN storagehub_indexed} on one dedicated connection (outside the request pool). The indexer's writer
 * sends {@code pg_notify('storagehub_indexed', chain)} in each batch transaction, so a notification arrives when
 * a batch commits. The connection is re-opened after a failure.
 */
public final class PgNotificationSource implements NotificationSource {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotificationSource.class);
    private static final String LISTEN_SQL = resource("listen.sql");

    /** Opens a new connection to the read model's database. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory factory;
    private volatile Connection connection;
    private boolean failing;

    public PgNotificationSource(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Set<String> await(long millis) throws InterruptedException {
        PGConnection pg = connected();
        if (pg == null) {
            Thread.sleep(millis);
            return Set.of();
        }
        try {
            PGNotification[] notifications = pg.getNotifications((int) Math.max(1, millis));
            Set<String> chains = new HashSet<>();
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    chains.add(n.getParameter());
                }
            }
            return chains;
        } catch (SQLException e) {
            lost(e);
            return Set.of();
        }
    }

    @Override
    public boolean listening() {
        return connection != null;
    }

    private PGConnection connected() {
        if (connection != null) {
            return unwrap(connection);
        }
        try {
            Connection c = factory.open();
            try (Statement listen = c.createStatement()) {
                listen.execute(LISTEN_SQL);
            }
            connection = c;
            if (failing) {
                LOG.info("listening for indexed blocks again");
            }
            failing = false;
            return unwrap(c);
        } catch (SQLException e) {
            lost(e);
            return null;
        }
    }

    private static PGConnection unwrap(Connection c) {
        try {
            return c.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the listener needs a PostgreSQL JDBC connection", e);
        }
    }

    private void lost(SQLException e) {
        if (!failing) {
            LOG.warn("cannot listen for indexed blocks ({}); waiting requests fall back to polling", e.toString());
        }
        failing = true;
        close();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the listen connection failed", e);
            }
            connection = null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = PgNotificationSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
