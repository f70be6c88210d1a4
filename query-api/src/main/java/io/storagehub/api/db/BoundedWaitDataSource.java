package io.storagehub.api.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The request pool, but a request waits at most {@code maxWait} for a connection (Hikari's pool-wide default is
 * 30 s, fixed when the pool starts): when the database is down, requests fail fast with a transient error that
 * the API answers as 503.
 */
final class BoundedWaitDataSource implements DataSource {
    private final HikariDataSource pool;
    private final long maxWaitMillis;

    BoundedWaitDataSource(HikariDataSource pool, Duration maxWait) {
        this.pool = pool;
        this.maxWaitMillis = maxWait.toMillis();
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean instanceof HikariPool && !pool.isClosed()) {
            return ((HikariPool) bean).getConnection(maxWaitMillis);
        }
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool has fixed credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(pool) || pool.isWrapperFor(type);
    }
}
