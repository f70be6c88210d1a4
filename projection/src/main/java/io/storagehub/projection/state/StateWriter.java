package io.storagehub.projection.state;

import io.storagehub.projection.SourceOffset;
import java.util.List;
import java.util.Optional;

/** What a storage adapter writes at the end of a batch, in the same transaction as the loads. */
public interface StateWriter {

    /**
     * Writes every chain's changes and, when present, the source checkpoint (only ever moved forward).
     */
    void write(List<Changes> changes, Optional<SourceOffset> checkpoint);
}
