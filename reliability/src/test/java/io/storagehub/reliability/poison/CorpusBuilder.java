package io.storagehub.reliability.poison;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.provider;

import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.testkit.chain.ChainScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the corpus in chain order on one chain: valid events at consecutive positions, poison records each
 * followed by a valid marker event (a small slash or charge) that must apply, so every poison record sits between
 * events the indexer has to get right.
 */
final class CorpusBuilder {
    static final String CHAIN = "alpha";
    static final byte[] KEY = CHAIN.getBytes(StandardCharsets.UTF_8);
    /** Markers hit these: MSP 1 and BSP 3 are slashed, the stream of account 10 to provider 1 is charged. */
    static final int MARKER_MSP = 1;
    static final int MARKER_BSP = 3;
    static final int MARKER_USER = 10;

    private final ChainScript chain = ChainScript.on(CHAIN);
    private final EventEncoder encoder = new EventEncoder();
    private final List<CorpusRecord> records = new ArrayList<>();
    private int markers;

    /** The next position's envelope of {@code event}, not yet added. */
    Envelope next(ChainEvent event) {
        if (chain.emitted().size() % 25 == 24) {
            chain.nextBlock();
        }
        return chain.next(event);
    }

    byte[] encode(Envelope event) {
        return encoder.encode(event);
    }

    /** A valid event that applies (or is skipped as not projected: {@code expect}). */
    Envelope valid(String caseName, String expect, ChainEvent event) {
        Envelope envelope = next(event);
        records.add(new CorpusRecord(caseName, expect, KEY, encode(envelope)));
        return envelope;
    }

    Envelope applied(String caseName, ChainEvent event) {
        return valid(caseName, CorpusRecord.APPLIED, event);
    }

    /** A record with a given key and value and what must become of it; poison is followed by a marker. */
    void add(String caseName, String expect, byte[] key, byte[] value) {
        CorpusRecord record = new CorpusRecord(caseName, expect, key, value);
        records.add(record);
        if (record.poison()) {
            marker();
        }
    }

    void poison(String caseName, String kind, byte[] value) {
        add(caseName, kind, KEY, value);
    }

    void poison(String caseName, String kind, String value) {
        poison(caseName, kind, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A projection-level poison event at the next position. */
    void rejected(String caseName, String reason, ChainEvent event) {
        add(caseName, reason, KEY, encode(next(event)));
    }

    private void marker() {
        int n = markers++;
        ChainEvent event;
        switch (n % 3) {
            case 0: event = new ProvidersEvent.Slashed(provider(MARKER_MSP), Balance.of(1)); break;
            case 1: event = new ProvidersEvent.Slashed(provider(MARKER_BSP), Balance.of(1)); break;
            default: event = new PaymentStreamsEvent.PaymentStreamCharged(account(MARKER_USER),
                    provider(MARKER_MSP), Balance.of(1), n);
        }
        records.add(new CorpusRecord("marker/" + n, CorpusRecord.APPLIED, KEY, encode(next(event))));
    }

    List<CorpusRecord> records() {
        return List.copyOf(records);
    }
}
