package io.storagehub.api.changes;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/** Ends an {@link EventStream} when its asynchronous request completes, times out or fails (its client left). */
record StreamEnds(EventStream stream) implements AsyncListener {

    @Override
    public void onComplete(AsyncEvent event) {
        stream.close(ChangeFeeds.Ended.CLIENT_GONE);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        stream.close(ChangeFeeds.Ended.CLIENT_GONE);
    }

    @Override
    public void onError(AsyncEvent event) {
        stream.close(ChangeFeeds.Ended.CLIENT_GONE);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the request is already asynchronous when the stream opens
    }
}
