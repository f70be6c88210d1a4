package io.storagehub.api.changes;

import io.storagehub.schema.readmodel.ChangeFilter;

/** Who hears a chain's live changes: an event-stream subscriber or a {@code /changes} page waiting for one. */
interface FeedListener {
    ChangeFilter filter();

    /**
     * One matching change, in position order, on the feed's reader (it must not block); {@code message} is the
     * change as a server-sent event, built once for every listener.
     */
    void deliver(FeedMessage message);

    /**
     * The feed has handed over every change of the batch it read (on the feed's reader, off the feed's lock):
     * a listener that holds what it was delivered (a stream writes it then, in one write) sends it now.
     */
    default void flush() {
    }
}
