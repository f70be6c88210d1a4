package io.storagehub.schema.event;

import java.util.Objects;

/**
 * One decoded chain event: the chain, its block and index (together its {@link Position}) and the payload.
 * The wire fields {@code pallet} and {@code name} are those of {@link #event()}.
 *
 * <p>A value class with the equality, hash and text of a record of its four fields; it is a class rather than a
 * record only so that it can keep its {@link #digest()} once computed (the decoder computes it on its worker
 * threads, so the thread applying the events only reads it).
 */
public final class Envelope {
    public static final int VERSION = 1;

    private final String chain;
    private final BlockRef block;
    private final long index;
    private final ChainEvent event;
    /** The digest once computed; racing threads compute the same value, so a plain field is enough. */
    private long digest;
    private boolean digested;

    public Envelope(String chain, BlockRef block, long index, ChainEvent event) {
        if (!isValidChain(chain)) {
            throw new IllegalArgumentException("chain must be 1..64 chars of [a-z0-9-]");
        }
        this.chain = chain;
        this.block = Objects.requireNonNull(block, "block");
        this.index = index;
        this.event = Objects.requireNonNull(event, "event");
    }

    public static boolean isValidChain(String chain) {
        if (chain == null || chain.isEmpty() || chain.length() > 64) {
            return false;
        }
        for (int i = 0; i < chain.length(); i++) {
            char c = chain.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public String chain() {
        return chain;
    }

    public BlockRef block() {
        return block;
    }

    public long index() {
        return index;
    }

    public ChainEvent event() {
        return event;
    }

    public Position position() {
        return new Position(block.number(), index);
    }

    /**
     * A 64-bit fingerprint of the whole normalized event. Two deliveries of the same position are the same
     * event exactly when their digests are equal. Computed once per instance.
     */
    public synchronized long digest() {
        if (!digested) {
            digest = ContentDigest.ofEnvelope(this);
            digested = true;
        }
        return digest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that && index == that.index && chain.equals(that.chain)
                && block.equals(that.block) && event.equals(that.event);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chain, block, index, event);
    }

    @Override
    public String toString() {
        return "Envelope[chain=" + chain + ", block=" + block + ", index=" + index + ", event=" + event + "]";
    }
}
