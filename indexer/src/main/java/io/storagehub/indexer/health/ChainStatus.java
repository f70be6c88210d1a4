package io.storagehub.indexer.health;

import io.storagehub.schema.event.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A chain's newest indexed position and the time of its block; {@code lagSeconds} is the time from that block to
 * the report (both empty while no block time is stored: chains last written before the block time was kept).
 */
public record ChainStatus(String chain, Position last, Optional<Instant> lastBlockTime, OptionalLong lagSeconds) {

    static ChainStatus of(String chain, Position last, Instant lastBlockTime, Instant now) {
        return lastBlockTime == null
                ? new ChainStatus(chain, last, Optional.empty(), OptionalLong.empty())
                : new ChainStatus(chain, last, Optional.of(lastBlockTime),
                        OptionalLong.of(Duration.between(lastBlockTime, now).toSeconds()));
    }
}
