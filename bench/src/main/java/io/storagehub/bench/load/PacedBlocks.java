package io.storagehub.bench.load;

import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A chain continued at a steady rate, a whole block at a time: a block is due when the events sent before it and
 * in it, at {@code rate} events/s from the start, say so; {@link #next} waits until then.
 */
public final class PacedBlocks {
    private final ChainGenerator generator;
    private final int rate;
    private final long start;
    private Envelope next;
    private long sent;

    public PacedBlocks(ChainGenerator generator, int rate) {
        this.generator = generator;
        this.rate = rate;
        this.next = generator.next();
        this.start = System.nanoTime();
    }

    /** When pacing began ({@link System#nanoTime()}). */
    public long start() {
        return start;
    }

    /** The next block's events, once it is due. */
    public List<Envelope> next() {
        List<Envelope> block = new ArrayList<>();
        long number = next.block().number();
        while (next.block().number() == number) {
            block.add(next);
            next = generator.next();
        }
        long due = start + (long) ((sent + block.size()) * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        sent += block.size();
        return block;
    }
}
