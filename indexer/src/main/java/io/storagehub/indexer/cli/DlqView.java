package io.storagehub.indexer.cli;

import io.storagehub.indexer.deadletter.DeadLetter;
import io.storagehub.indexer.deadletter.DlqEntry;
import io.storagehub.schema.event.Position;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A dead letter in the {@code --json} output of {@code dlq list} / {@code dlq show}; payloads in show only. */
record DlqView(OptionalLong id, Instant time, String state, Optional<String> chain, Optional<Position> position,
               Source source, Optional<DlqEntry.Location> dlq, String reasonKind, String reason,
               Optional<Payload> key, Optional<Payload> value) {

    /** The record that was dead-lettered. */
    record Source(String topic, int partition, long offset) {
    }

    /** What {@code dlq list --json} prints: how many matched, and the newest {@code limit} of them. */
    record Listing(String dlqTopic, long matched, int shown, List<DlqView> deadLetters) {
    }

    static DlqView of(DlqEntry entry, boolean withPayload) {
        DeadLetter l = entry.letter();
        return new DlqView(entry.id(), entry.time(), entry.published() ? "published" : "pending", l.chain(),
                l.position(), new Source(l.topic(), l.partition(), l.offset()), entry.dlq(), l.reasonKind(),
                l.reason(), withPayload ? Optional.of(Payload.of(l.key())) : Optional.empty(),
                withPayload ? Optional.of(Payload.of(l.value())) : Optional.empty());
    }
}
