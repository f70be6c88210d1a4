package io.storagehub.testkit.chain;

import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import io.storagehub.schema.value.ValuePropId;
import java.util.ArrayList;
import java.util.List;

/** An MSP, its value propositions and the live buckets it currently stores. */
final class MspState extends ProviderState {
    final List<ValueProp> valueProps = new ArrayList<>();
    final Pool<BucketState> buckets = new Pool<>();
    /** Being drained of its buckets before it signs off; gets no new buckets. */
    boolean leaving;

    MspState(ProviderId id, AccountId account, List<String> peerIds, U64 capacity) {
        super(id, account, peerIds, capacity);
    }

    ValueProp randomAvailable(Rng rng) {
        List<ValueProp> available = available();
        return available.isEmpty() ? null : rng.pick(available);
    }

    List<ValueProp> available() {
        List<ValueProp> available = new ArrayList<>();
        for (ValueProp vp : valueProps) {
            if (vp.available) {
                available.add(vp);
            }
        }
        return available;
    }

    static final class ValueProp {
        final ValuePropId id;
        boolean available = true;

        ValueProp(ValuePropId id) {
            this.id = id;
        }
    }
}
