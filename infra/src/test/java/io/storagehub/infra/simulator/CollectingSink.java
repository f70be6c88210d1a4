package io.storagehub.infra.simulator;

import io.storagehub.schema.event.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** An in-memory sink that records every send call; {@link #reached} opens once {@code target} events arrived. */
final class CollectingSink implements EventSink {
    final List<List<Envelope>> sends = new ArrayList<>();
    final CountDownLatch reached;
    private final int target;
    private int count;
    int flushes;
    boolean closed;

    CollectingSink(int target) {
        this.target = target;
        this.reached = new CountDownLatch(1);
    }

    @Override
    public synchronized void send(List<Envelope> events) {
        sends.add(List.copyOf(events));
        count += events.size();
        if (count >= target) {
            reached.countDown();
        }
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized List<Envelope> events() {
        return sends.stream().flatMap(List::stream).toList();
    }
}
