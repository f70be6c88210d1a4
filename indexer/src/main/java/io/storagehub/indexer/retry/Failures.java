package io.storagehub.indexer.retry;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Sorts failures into {@link RetriableFailure} and {@link FatalFailure} by walking the cause chain: SQLState
 * classes and exception types, never message text.
 */
public final class Failures {
    /** Connection exception, insufficient resources, operator intervention (shutdown, cannot connect now). */
    private static final Set<String> RETRIABLE_CLASSES = Set.of("08", "53", "57");
    /** Serialization failure, deadlock, lock not available, statement timeout / query canceled. */
    private static final Set<String> RETRIABLE_STATES = Set.of("40001", "40P01", "55P03", "57014");
    /** 57P04 database dropped: not transient. */
    private static final Set<String> FATAL_STATES = Set.of("57P04");

    private Failures() {
    }

    /** The failure as one of the two types, with {@code what} (the failed action) in the message. */
    public static RuntimeException classify(String what, Throwable failure) {
        if (failure instanceof RetriableFailure || failure instanceof FatalFailure) {
            return (RuntimeException) failure;
        }
        if (isKafkaAccess(failure)) {
            return KafkaAccess.fatal(what, failure);
        }
        String message = what + " failed: " + rootMessage(failure);
        return isRetriable(failure) ? new RetriableFailure(message, failure) : new FatalFailure(message, failure);
    }

    public static boolean isRetriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableFailure) {
                return true;
            }
            if (t instanceof FatalFailure) {
                return false;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (FATAL_STATES.contains(state)) {
                    return false;
                }
                if (RETRIABLE_STATES.contains(state) || (state.length() >= 2
                        && RETRIABLE_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
            // Hikari's "connection is not available, request timed out" is an SQLTransientConnectionException
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** Kafka refused the credentials, the TLS handshake, an ACL or this member's group instance id. */
    public static boolean isKafkaAccess(Throwable failure) {
        return KafkaAccess.find(failure).isPresent();
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? text : text + " (" + failure.getClass().getSimpleName() + ")";
    }
}
