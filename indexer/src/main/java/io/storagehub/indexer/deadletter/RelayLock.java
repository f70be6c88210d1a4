package io.storagehub.indexer.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * A Postgres session-level advisory lock that makes one relay the only one publishing a given outbox. The
 * session that holds it also runs the relay's queries: if the connection breaks, the lock is gone with it and
 * the relay must win it again.
 */
final class RelayLock implements AutoCloseable {
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();
    private final Jdbi jdbi;
    private final long key;
    private Handle handle;

    RelayLock(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.key = keyOf(name);
    }

    /** Takes the lock if free; returns whether this relay holds it. */
    boolean tryAcquire() {
        if (handle != null) {
            handle.createQuery(SQL.locate(RelayLock.class, "ping")).mapTo(Integer.class).one();
            return true;
        }
        Handle opened = jdbi.open();
        boolean acquired = false;
        try {
            acquired = opened.createQuery(SQL.locate(RelayLock.class, "tryLock")).bind("key", key)
                    .mapTo(Boolean.class).one();
        } finally {
            if (acquired) {
                handle = opened;
            } else {
                opened.close();
            }
        }
        return acquired;
    }

    /** The session holding the lock. Only valid after {@link #tryAcquire()} returned true. */
    Handle handle() {
        return handle;
    }

    boolean held() {
        return handle != null;
    }

    @Override
    public void close() {
        if (handle == null) {
            return;
        }
        try {
            handle.createQuery(SQL.locate(RelayLock.class, "unlock")).bind("key", key).mapTo(Boolean.class).one();
        } catch (RuntimeException e) {
            // the session is gone, and the lock with it
        } finally {
            try {
                handle.close();
            } catch (RuntimeException e) {
                // a broken connection cannot be closed cleanly; the pool discards it
            }
            handle = null;
        }
    }

    static long keyOf(String name) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (sha[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
