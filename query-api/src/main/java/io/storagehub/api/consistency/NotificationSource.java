package io.storagehub.api.consistency;

import java.util.Set;

/** Where the watcher hears that chains were indexed further. */
public interface NotificationSource extends AutoCloseable {

    /**
     * Waits up to {@code millis} for notifications and returns the chains they name (possibly empty). Never
     * throws: a lost connection is re-established on a later call, and meanwhile the call just waits.
     */
    Set<String> await(long millis) throws InterruptedException;

    /** Whether notifications can arrive right now (else waiting requests rely on the fallback poll). */
    boolean listening();

    @Override
    void close();
}
