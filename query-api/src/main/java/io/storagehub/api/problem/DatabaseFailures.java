package io.storagehub.api.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;

/**
 * Decides whether a failure means "the database is unavailable right now" (answered 503, the client retries)
 * rather than a defect. Walks the cause chain: JDBI wraps driver exceptions, Hikari reports an exhausted or
 * unreachable pool as {@link java.sql.SQLTransientConnectionException}.
 */
final class DatabaseFailures {
    /** SQLSTATEs of an unreachable, restarting, overloaded or too-slow database. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "53300", // too_many_connections
            "53400", // configuration_limit_exceeded
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now
            "57P05", // idle_session_timeout
            "40001", // serialization_failure
            "40P01"  // deadlock_detected
    );
    /** SQLSTATEs of a read model the API's role may not read, or cannot see (no USAGE on the schema, not there). */
    private static final Set<String> INACCESSIBLE_STATES = Set.of(
            "42501", // insufficient_privilege
            "42P01", // undefined_table (also what a schema without USAGE looks like through the search path)
            "3F000"  // invalid_schema_name
    );
    private static final int MAX_DEPTH = 16;

    private DatabaseFailures() {
    }

    static boolean isUnavailable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof ConnectionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException && isUnavailableState(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database answered that the read model is not readable by the API's role (or not there). */
    static boolean isInaccessible(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLException && INACCESSIBLE_STATES.contains(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(String state) {
        // class 08: connection exception
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }
}
