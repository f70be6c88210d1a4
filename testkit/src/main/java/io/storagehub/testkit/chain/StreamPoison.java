package io.storagehub.testkit.chain;

import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamCreated;
import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamDeleted;
import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamUpdated;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamCreated;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamDeleted;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamUpdated;
import io.storagehub.schema.event.PaymentStreamsEvent.PaymentStreamCharged;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.ProviderId;
import java.util.List;

/** Poison on payment streams: unknown streams, streams that exist, the wrong kind. See {@link FilePoison}. */
final class StreamPoison {
    private final World w;

    StreamPoison(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.poison("unknownStream", this::unknownStream),
                Action.poison("duplicateStream", this::duplicateStream),
                Action.poison("wrongStreamKind", this::wrongStreamKind));
    }

    /** A user account that never existed, with an existing provider: no such stream. */
    private Emission unknownStream() {
        ProviderState provider = w.activeProvider();
        if (provider == null) {
            return null;
        }
        AccountId user = w.ids.unknownAccount();
        ProviderId id = provider.id;
        return Emission.unknown(switch (w.rng.nextInt(5)) {
            case 0 -> new FixedRatePaymentStreamUpdated(user, id, w.amounts.price());
            case 1 -> new DynamicRatePaymentStreamUpdated(user, id, w.amounts.amountProvided());
            case 2 -> new FixedRatePaymentStreamDeleted(user, id);
            case 3 -> new DynamicRatePaymentStreamDeleted(user, id);
            default -> new PaymentStreamCharged(user, id, w.amounts.small(), w.block);
        });
    }

    private Emission duplicateStream() {
        StreamState stream = w.streams.random(w.rng);
        if (stream == null) {
            return null;
        }
        return Emission.exists(w.rng.chance(0.5)
                ? new FixedRatePaymentStreamCreated(stream.user, stream.provider.id, w.amounts.price())
                : new DynamicRatePaymentStreamCreated(stream.user, stream.provider.id, w.amounts.amountProvided()));
    }

    /** A fixed-rate operation on a dynamic stream or the reverse. */
    private Emission wrongStreamKind() {
        StreamState stream = w.streams.random(w.rng);
        if (stream == null) {
            return null;
        }
        AccountId user = stream.user;
        ProviderId id = stream.provider.id;
        boolean update = w.rng.chance(0.5);
        if (stream.fixed) {
            return Emission.mismatch(update
                    ? new DynamicRatePaymentStreamUpdated(user, id, w.amounts.amountProvided())
                    : new DynamicRatePaymentStreamDeleted(user, id));
        }
        return Emission.mismatch(update
                ? new FixedRatePaymentStreamUpdated(user, id, w.amounts.price())
                : new FixedRatePaymentStreamDeleted(user, id));
    }
}
