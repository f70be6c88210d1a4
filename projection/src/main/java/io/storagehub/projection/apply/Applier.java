package io.storagehub.projection.apply;

import io.storagehub.projection.Outcome;
import io.storagehub.projection.state.ChainUnitOfWork;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.event.ProvidersEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one chain's events, in order, to a unit of work: the single place that knows each event's effect on
 * the read model (see the projection module's README for what is applied and what is rejected). When the unit of
 * work records changes, each applied event is kept as one (skipped, duplicate and rejected events are not).
 */
public final class Applier {
    private static final EventEncoder ENCODER = new EventEncoder();

    private Applier() {
    }

    /** One outcome per event, in order. Events must all belong to the unit of work's chain. */
    public static List<Outcome> apply(ChainUnitOfWork uow, List<Envelope> events) {
        uow.preload(Prefetches.of(events));
        Effects fx = new Effects(uow);
        ProvidersEffects providers = new ProvidersEffects(fx);
        FileSystemEffects fileSystem = new FileSystemEffects(fx);
        PaymentStreamsEffects paymentStreams = new PaymentStreamsEffects(fx);
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (Envelope envelope : events) {
            if (!envelope.chain().equals(uow.chain())) {
                throw new IllegalArgumentException("event of chain " + envelope.chain() + " in a unit of work of "
                        + uow.chain());
            }
            Position position = envelope.position();
            long digest = envelope.digest();
            if (!position.isAfter(uow.lastPosition())) {
                outcomes.add(duplicate(uow, envelope, digest));
                continue;
            }
            uow.consume(position, envelope.block().timestamp(), digest);
            fx.at(position);
            uow.beginEvent();
            Outcome outcome = effect(envelope, providers, fileSystem, paymentStreams);
            if (outcome.kind() == Outcome.Kind.APPLIED && uow.recordsChanges()) {
                uow.recordChange(envelope, ENCODER.dataJson(envelope.event()));
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Outcome duplicate(ChainUnitOfWork uow, Envelope envelope, long digest) {
        Optional<Long> recorded = uow.digestAt(envelope.position());
        if (recorded.isPresent() && recorded.get() == digest) {
            return Outcome.duplicate(envelope);
        }
        return Outcome.rejected(envelope, Outcome.RejectReason.CONFLICTING_DUPLICATE,
                "position " + envelope.position() + " is not after the chain's last applied position "
                        + uow.lastPosition() + (recorded.isPresent()
                        ? " and differs from the event applied there" : " and no event is recorded there"));
    }

    private static Outcome effect(Envelope envelope, ProvidersEffects providers, FileSystemEffects fileSystem,
                                  PaymentStreamsEffects paymentStreams) {
        ChainEvent event = envelope.event();
        try {
            if (event instanceof ProvidersEvent e) {
                providers.apply(e);
            } else if (event instanceof FileSystemEvent e) {
                fileSystem.apply(e);
            } else if (event instanceof PaymentStreamsEvent e) {
                paymentStreams.apply(e);
            } else if (event instanceof NotProjected) {
                return Outcome.notProjected(envelope);
            } else {
                throw new IllegalStateException("no effect for " + event.getClass().getName());
            }
            return Outcome.applied(envelope);
        } catch (Rejection rejection) {
            return Outcome.rejected(envelope, rejection.reason(), rejection.getMessage());
        }
    }
}
