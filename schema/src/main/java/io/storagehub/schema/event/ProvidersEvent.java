package io.storagehub.schema.event;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import io.storagehub.schema.value.ValuePropId;
import java.util.List;

/** Events of the {@code Providers} pallet. */
public sealed interface ProvidersEvent extends ChainEvent {
    String PALLET = "Providers";

    @Override
    default String pallet() {
        return PALLET;
    }

    /** The terms of a value proposition, as in {@code ValuePropAdded.valueProp}. */
    record ValuePropTerms(Balance pricePerGigaUnitOfDataPerBlock, Bytes commitment, U64 bucketDataLimit) {
    }

    /** The first value proposition of a new MSP, as in {@code MspSignUpSuccess.valueProp}. */
    record SignUpValueProp(ValuePropId id, Balance pricePerGigaUnitOfDataPerBlock, Bytes commitment,
                           U64 bucketDataLimit) {
        public ValuePropTerms terms() {
            return new ValuePropTerms(pricePerGigaUnitOfDataPerBlock, commitment, bucketDataLimit);
        }
    }

    record MspSignUpSuccess(AccountId who, ProviderId mspId, U64 capacity, List<String> multiaddresses,
                            SignUpValueProp valueProp) implements ProvidersEvent {
        public MspSignUpSuccess {
            multiaddresses = List.copyOf(multiaddresses);
        }
    }

    record BspSignUpSuccess(AccountId who, ProviderId bspId, Hash32 root, U64 capacity,
                            List<String> multiaddresses) implements ProvidersEvent {
        public BspSignUpSuccess {
            multiaddresses = List.copyOf(multiaddresses);
        }
    }

    record MspSignOffSuccess(AccountId who, ProviderId mspId) implements ProvidersEvent {
    }

    record BspSignOffSuccess(AccountId who, ProviderId bspId) implements ProvidersEvent {
    }

    record CapacityChanged(AccountId who, ProviderId providerId, U64 oldCapacity, U64 newCapacity)
            implements ProvidersEvent {
    }

    record MultiAddressAdded(ProviderId providerId, String newMultiaddress) implements ProvidersEvent {
    }

    record MultiAddressRemoved(ProviderId providerId, String removedMultiaddress) implements ProvidersEvent {
    }

    record ValuePropAdded(ProviderId mspId, ValuePropId valuePropId, ValuePropTerms valueProp)
            implements ProvidersEvent {
    }

    record ValuePropUnavailable(ProviderId mspId, ValuePropId valuePropId) implements ProvidersEvent {
    }

    record Slashed(ProviderId providerId, Balance amount) implements ProvidersEvent {
    }

    record BucketRootChanged(BucketId bucketId, Hash32 oldRoot, Hash32 newRoot) implements ProvidersEvent {
    }

    record BspRootChanged(ProviderId bspId, Hash32 oldRoot, Hash32 newRoot) implements ProvidersEvent {
    }
}
