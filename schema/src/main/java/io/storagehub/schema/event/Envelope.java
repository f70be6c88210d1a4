package io.storagehub.schema.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One decoded chain event: the chain, its block and index (together its {@link Position}) and the payload.
 * The wire fields {@code pallet} and {@code name} are those of {@link #event()}.
 */
public record Envelope(String chain, BlockRef block, long index, ChainEvent event) {
    public static final int VERSION = 1;
    private static final Pattern CHAIN = Pattern.compile("[a-z0-9-]{1,64}");

    public Envelope {
        if (chain == null || !CHAIN.matcher(chain).matches()) {
            throw new IllegalArgumentException("chain must be 1..64 chars of [a-z0-9-]");
        }
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(event, "event");
    }

    public static boolean isValidChain(String chain) {
        return chain != null && CHAIN.matcher(chain).matches();
    }

    public Position position() {
        return new Position(block.number(), index);
    }

    /**
     * A 64-bit fingerprint of the whole normalized event. Two deliveries of the same position are the same
     * event exactly when their digests are equal.
     */
    public long digest() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
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
