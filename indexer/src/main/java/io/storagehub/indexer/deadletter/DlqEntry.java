package io.storagehub.indexer.deadletter;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A dead letter as an operator browses it: its outbox id (empty for a record without one), when it was
 * dead-lettered ({@code time}: the dead-letter record's timestamp once published, else the outbox row's time),
 * where it lies in the dead-letter topic ({@code dlq}, empty while it waits in the outbox) and the letter itself.
 */
public record DlqEntry(OptionalLong id, Instant time, Optional<Location> dlq, DeadLetter letter) {

    /** A record of the dead-letter topic. */
    public record Location(int partition, long offset) {
    }

    public DlqEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dlq, "dlq");
        Objects.requireNonNull(letter, "letter");
    }

    public boolean published() {
        return dlq.isPresent();
    }

    /** The same entry without its key and value bytes (listings keep many entries). */
    DlqEntry withoutPayload() {
        DeadLetter l = letter;
        return new DlqEntry(id, time, dlq, new DeadLetter(l.topic(), l.partition(), l.offset(), l.chain(),
                l.position(), l.reasonKind(), l.reason(), null, null));
    }

    /** The source record: dead letters are unique by it. */
    String sourceKey() {
        return letter.topic() + "/" + letter.partition() + "@" + letter.offset();
    }
}
