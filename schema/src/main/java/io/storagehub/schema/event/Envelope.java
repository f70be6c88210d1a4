package io.storagehub.schema.event;

import java.util.Objects;

/**
 * One decoded chain event: the chain, its block and index (together its {@link Position}) and the payload.
 * The wire fields {@code pallet} and {@code name} are those of {@link #event()}.
 */
public record Envelope(String chain, BlockRef block, long index, ChainEvent event) {
    public static final int VERSION = 1;

    public Envelope {
        if (!isValidChain(chain)) {
            throw new IllegalArgumentException("chain must be 1..64 chars of [a-z0-9-]");
        }
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(event, "event");
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

    public Position position() {
        return new Position(block.number(), index);
    }

    /**
     * A 64-bit fingerprint of the whole normalized event. Two deliveries of the same position are the same
     * event exactly when their digests are equal.
     */
    public long digest() {
        return ContentDigest.of(this);
    }
}
