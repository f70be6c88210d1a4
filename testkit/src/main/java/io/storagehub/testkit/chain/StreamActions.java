package io.storagehub.testkit.chain;

import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamCreated;
import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamDeleted;
import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamUpdated;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamCreated;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamDeleted;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamUpdated;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.PaymentStreamsEvent.PaymentStreamCharged;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import java.util.List;

/** Payment streams: fixed-rate ones with MSPs, dynamic-rate ones with BSPs; updates, charges, deletions. */
final class StreamActions {
    private final World w;

    StreamActions(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.valid("fixedCreated", () -> createWeight(), () -> create(true)),
                Action.valid("dynamicCreated", () -> createWeight(), () -> create(false)),
                Action.valid("fixedUpdated", () -> Action.saturating(0.01, w.streams.size(), 10), () -> update(true)),
                Action.valid("dynamicUpdated", () -> Action.saturating(0.01, w.streams.size(), 10),
                        () -> update(false)),
                Action.valid("fixedDeleted", () -> Action.saturating(0.002, w.streams.size(), 10),
                        () -> delete(true)),
                Action.valid("dynamicDeleted", () -> Action.saturating(0.002, w.streams.size(), 10),
                        () -> delete(false)),
                Action.valid("charged", () -> Action.saturating(0.04, w.streams.size(), 10), this::charged));
    }

    private double createWeight() {
        return w.streams.size() < w.streamTarget() ? 0.006 : 0.0005;
    }

    private PaymentStreamsEvent create(boolean fixed) {
        ProviderState provider = fixed ? w.activeMsps.random(w.rng) : w.activeBsps.random(w.rng);
        if (provider == null) {
            return null;
        }
        AccountId user = w.user();
        StreamState stream = new StreamState(user, provider, fixed);
        if (w.streamsByKey.containsKey(stream.key())) {
            return null;
        }
        w.streams.add(stream);
        w.streamsByKey.put(stream.key(), stream);
        return fixed
                ? new FixedRatePaymentStreamCreated(user, provider.id, w.amounts.price())
                : new DynamicRatePaymentStreamCreated(user, provider.id, w.amounts.amountProvided());
    }

    private PaymentStreamsEvent update(boolean fixed) {
        StreamState stream = sample(fixed);
        if (stream == null) {
            return null;
        }
        return fixed
                ? new FixedRatePaymentStreamUpdated(stream.user, stream.provider.id, w.amounts.price())
                : new DynamicRatePaymentStreamUpdated(stream.user, stream.provider.id, w.amounts.amountProvided());
    }

    private PaymentStreamsEvent delete(boolean fixed) {
        StreamState stream = sample(fixed);
        if (stream == null) {
            return null;
        }
        w.streams.remove(stream);
        w.streamsByKey.remove(stream.key());
        return fixed
                ? new FixedRatePaymentStreamDeleted(stream.user, stream.provider.id)
                : new DynamicRatePaymentStreamDeleted(stream.user, stream.provider.id);
    }

    /**
     * Mostly small charges; at most once per (user, provider) pair ever, one just under 2^127, so that a
     * stream's total charged stays a u128 even if a projection kept totals across re-creation.
     */
    private PaymentStreamCharged charged() {
        StreamState stream = w.streams.random(w.rng);
        if (stream == null) {
            return null;
        }
        Balance amount;
        if (w.rng.chance(0.02) && stream.totalCharged.bitLength() < 64
                && w.hugeChargedStreams.add(stream.key())) {
            amount = w.amounts.nearTwo127();
        } else {
            amount = w.amounts.small();
        }
        stream.totalCharged = stream.totalCharged.add(amount.value());
        long tick = Math.max(0, w.block - w.rng.nextInt(5));
        return new PaymentStreamCharged(stream.user, stream.provider.id, amount, tick);
    }

    private StreamState sample(boolean fixed) {
        for (int i = 0; i < 8; i++) {
            StreamState stream = w.streams.random(w.rng);
            if (stream != null && stream.fixed == fixed) {
                return stream;
            }
        }
        return null;
    }
}
