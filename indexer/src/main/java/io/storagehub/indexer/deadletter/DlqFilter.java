package io.storagehub.indexer.deadletter;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which dead letters to show: by outbox id, chain, reason kind ({@code NOT_JSON}, {@code UNKNOWN_ENTITY}, ...)
 * and time ({@code since} inclusive, {@code until} exclusive); an empty criterion matches everything.
 */
public record DlqFilter(OptionalLong id, Optional<String> chain, Optional<String> reasonKind,
                        Optional<Instant> since, Optional<Instant> until) {

    public static DlqFilter all() {
        return new DlqFilter(OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public boolean matches(DlqEntry entry) {
        return (id.isEmpty() || entry.id().equals(id))
                && (chain.isEmpty() || entry.letter().chain().equals(chain))
                && (reasonKind.isEmpty() || reasonKind.get().equals(entry.letter().reasonKind()))
                && (since.isEmpty() || !entry.time().isBefore(since.get()))
                && (until.isEmpty() || entry.time().isBefore(until.get()));
    }
}
