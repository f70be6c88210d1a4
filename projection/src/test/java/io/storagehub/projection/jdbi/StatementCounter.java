package io.storagehub.projection.jdbi;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections count the statements they prepare or create: each is one round trip to Postgres
 * or more (a COPY goes by the driver's own API and is not counted).
 */
final class StatementCounter {
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final DataSource target;
    private final AtomicInteger prepared = new AtomicInteger();

    StatementCounter(DataSource target) {
        this.target = target;
    }

    int prepared() {
        return prepared.get();
    }

    DataSource dataSource() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return counting(target.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return counting(target.getConnection(user, password));
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return target.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                target.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                target.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return target.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return target.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return target.isWrapperFor(type);
            }
        };
    }

    private Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (STATEMENTS.contains(method.getName())) {
                prepared.incrementAndGet();
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }
}
