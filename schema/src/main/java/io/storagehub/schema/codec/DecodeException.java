package io.storagehub.schema.codec;

import io.storagehub.schema.event.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * A record value that is not a valid event of the contract. The message is the precise reason (offending input is
 * abbreviated); {@link #chain()} and {@link #position()} are present when those envelope parts were readable.
 */
public final class DecodeException extends Exception {
    private final DecodeError kind;
    private final String chain;
    private final Position position;

    public DecodeException(DecodeError kind, String message, String chain, Position position) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.chain = chain;
        this.position = position;
    }

    public DecodeException(DecodeError kind, String message) {
        this(kind, message, null, null);
    }

    public DecodeError kind() {
        return kind;
    }

    public Optional<String> chain() {
        return Optional.ofNullable(chain);
    }

    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }
}
