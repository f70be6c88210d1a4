package io.storagehub.infra.simulator;

import io.storagehub.schema.event.Envelope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** A generated chain read block by block, counting the events handed out (skipped ones included). */
final class ChainSource {
    private final Iterator<Envelope> events;
    private Envelope pending;
    private long position;

    /** {@code skip}: events already published by an earlier run, read and dropped here. */
    ChainSource(Iterator<Envelope> events, long skip) {
        this.events = events;
        for (long i = 0; i < skip; i++) {
            take();
        }
    }

    /** How many events of the chain were handed out or skipped so far. */
    long position() {
        return position;
    }

    /**
     * The next events of one block, in order: the rest of the current block, or its first {@code max} events
     * when it is longer (the next call continues it).
     */
    List<Envelope> nextBlock(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        List<Envelope> block = new ArrayList<>();
        Envelope first = take();
        block.add(first);
        while (block.size() < max) {
            Envelope next = peek();
            if (next.block().number() != first.block().number()) {
                break;
            }
            block.add(take());
        }
        return block;
    }

    private Envelope peek() {
        if (pending == null) {
            if (!events.hasNext()) {
                throw new NoSuchElementException("the generated chain ended");
            }
            pending = events.next();
        }
        return pending;
    }

    private Envelope take() {
        Envelope e = peek();
        pending = null;
        position++;
        return e;
    }
}
