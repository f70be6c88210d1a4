package io.storagehub.api.support;

import io.storagehub.api.consistency.NotificationSource;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Notifications a test sends by hand ("chain x was indexed further"). */
public final class ManualNotifications implements NotificationSource {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger awaits = new AtomicInteger();

    public void indexed(String chain) {
        queue.add(chain);
    }

    @Override
    public Set<String> await(long millis) throws InterruptedException {
        awaits.incrementAndGet();
        Set<String> chains = new HashSet<>();
        String first = queue.poll(millis, TimeUnit.MILLISECONDS);
        if (first != null) {
            chains.add(first);
            queue.drainTo(chains);
        }
        return chains;
    }

    @Override
    public boolean listening() {
        return true;
    }

    /** How many times the watcher has asked for notifications. */
    public int awaits() {
        return awaits.get();
    }

    @Override
    public void close() {
        queue.clear();
    }
}
