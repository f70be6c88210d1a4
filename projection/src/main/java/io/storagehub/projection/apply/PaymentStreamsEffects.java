package io.storagehub.projection.apply;

import io.storagehub.projection.state.StreamRow;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamCreated;
import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamDeleted;
import io.storagehub.schema.event.PaymentStreamsEvent.DynamicRatePaymentStreamUpdated;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamCreated;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamDeleted;
import io.storagehub.schema.event.PaymentStreamsEvent.FixedRatePaymentStreamUpdated;
import io.storagehub.schema.event.PaymentStreamsEvent.PaymentStreamCharged;

/** The effects of the {@code PaymentStreams} pallet's events. */
final class PaymentStreamsEffects {
    private final Effects fx;

    PaymentStreamsEffects(Effects fx) {
        this.fx = fx;
    }

    void apply(PaymentStreamsEvent event) throws Rejection {
        String user = event.userAccount().hex();
        String provider = event.providerId().hex();
        if (event instanceof FixedRatePaymentStreamCreated e) {
            StreamRow row = create(user, provider, StreamRow.FIXED);
            row.rate = e.rate().value();
            save(row);
        } else if (event instanceof DynamicRatePaymentStreamCreated e) {
            StreamRow row = create(user, provider, StreamRow.DYNAMIC);
            row.amountProvided = e.amountProvided().value();
            save(row);
        } else if (event instanceof FixedRatePaymentStreamUpdated e) {
            StreamRow row = existing(user, provider, StreamRow.FIXED);
            row.rate = e.newRate().value();
            save(row);
        } else if (event instanceof DynamicRatePaymentStreamUpdated e) {
            StreamRow row = existing(user, provider, StreamRow.DYNAMIC);
            row.amountProvided = e.newAmountProvided().value();
            save(row);
        } else if (event instanceof FixedRatePaymentStreamDeleted) {
            fx.uow().delete(existing(user, provider, StreamRow.FIXED));
        } else if (event instanceof DynamicRatePaymentStreamDeleted) {
            fx.uow().delete(existing(user, provider, StreamRow.DYNAMIC));
        } else if (event instanceof PaymentStreamCharged e) {
            StreamRow row = existing(user, provider, null);
            row.totalCharged = row.totalCharged.add(e.amount().value());
            row.lastTickCharged = e.lastTickCharged();
            save(row);
        } else {
            throw new IllegalStateException("no effect for " + event.getClass().getName());
        }
    }

    private StreamRow create(String user, String provider, String kind) throws Rejection {
        if (fx.uow().stream(user, provider) != null) {
            throw Rejection.exists("payment stream", user + "->" + provider);
        }
        if (fx.uow().msp(provider) == null && fx.uow().bsp(provider) == null) {
            throw Rejection.unknown("provider", provider);
        }
        StreamRow row = new StreamRow();
        row.chain = fx.uow().chain();
        row.userAccount = user;
        row.providerId = provider;
        row.kind = kind;
        row.created = fx.position();
        return row;
    }

    private StreamRow existing(String user, String provider, String kind) throws Rejection {
        StreamRow row = fx.uow().stream(user, provider);
        if (row == null) {
            throw Rejection.unknown("payment stream", user + "->" + provider);
        }
        if (kind != null && !kind.equals(row.kind)) {
            throw Rejection.mismatch("payment stream " + user + "->" + provider + " is " + row.kind + ", not " + kind);
        }
        return row;
    }

    private void save(StreamRow row) {
        row.updated = fx.position();
        fx.uow().changed(row);
    }
}
