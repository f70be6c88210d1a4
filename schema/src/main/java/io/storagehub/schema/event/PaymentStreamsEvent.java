package io.storagehub.schema.event;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;

/** Events of the {@code PaymentStreams} pallet. Every one names the stream by user and provider. */
public sealed interface PaymentStreamsEvent extends ChainEvent {
    String PALLET = "PaymentStreams";

    AccountId userAccount();

    ProviderId providerId();

    @Override
    default String pallet() {
        return PALLET;
    }

    record FixedRatePaymentStreamCreated(AccountId userAccount, ProviderId providerId, Balance rate)
            implements PaymentStreamsEvent {
    }

    record FixedRatePaymentStreamUpdated(AccountId userAccount, ProviderId providerId, Balance newRate)
            implements PaymentStreamsEvent {
    }

    record FixedRatePaymentStreamDeleted(AccountId userAccount, ProviderId providerId)
            implements PaymentStreamsEvent {
    }

    record DynamicRatePaymentStreamCreated(AccountId userAccount, ProviderId providerId, U64 amountProvided)
            implements PaymentStreamsEvent {
    }

    record DynamicRatePaymentStreamUpdated(AccountId userAccount, ProviderId providerId, U64 newAmountProvided)
            implements PaymentStreamsEvent {
    }

    record DynamicRatePaymentStreamDeleted(AccountId userAccount, ProviderId providerId)
            implements PaymentStreamsEvent {
    }

    record PaymentStreamCharged(AccountId userAccount, ProviderId providerId, Balance amount, long lastTickCharged)
            implements PaymentStreamsEvent {
    }
}
