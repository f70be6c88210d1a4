package io.storagehub.projection.apply;

import io.storagehub.projection.state.BspRow;
import io.storagehub.projection.state.BucketRow;
import io.storagehub.projection.state.FileRow;
import io.storagehub.projection.state.MspRow;
import io.storagehub.projection.state.ProviderStatus;
import io.storagehub.projection.state.ValuePropRow;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.event.ProvidersEvent.BspRootChanged;
import io.storagehub.schema.event.ProvidersEvent.BspSignOffSuccess;
import io.storagehub.schema.event.ProvidersEvent.BspSignUpSuccess;
import io.storagehub.schema.event.ProvidersEvent.BucketRootChanged;
import io.storagehub.schema.event.ProvidersEvent.CapacityChanged;
import io.storagehub.schema.event.ProvidersEvent.MspSignOffSuccess;
import io.storagehub.schema.event.ProvidersEvent.MspSignUpSuccess;
import io.storagehub.schema.event.ProvidersEvent.MultiAddressAdded;
import io.storagehub.schema.event.ProvidersEvent.MultiAddressRemoved;
import io.storagehub.schema.event.ProvidersEvent.Slashed;
import io.storagehub.schema.event.ProvidersEvent.ValuePropAdded;
import io.storagehub.schema.event.ProvidersEvent.ValuePropTerms;
import io.storagehub.schema.event.ProvidersEvent.ValuePropUnavailable;
import io.storagehub.schema.value.ProviderId;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;

/** The effects of the {@code Providers} pallet's events. */
final class ProvidersEffects {
    private final Effects fx;

    ProvidersEffects(Effects fx) {
        this.fx = fx;
    }

    void apply(ProvidersEvent event) throws Rejection {
        if (event instanceof MspSignUpSuccess e) {
            mspSignUp(e);
        } else if (event instanceof BspSignUpSuccess e) {
            bspSignUp(e);
        } else if (event instanceof MspSignOffSuccess e) {
            MspRow msp = fx.requireMsp(e.mspId().hex());
            msp.status = ProviderStatus.SIGNED_OFF;
            fx.touch(msp);
        } else if (event instanceof BspSignOffSuccess e) {
            bspSignOff(e);
        } else if (event instanceof CapacityChanged e) {
            provider(e.providerId(), m -> m.capacity = e.newCapacity().value(),
                    b -> b.capacity = e.newCapacity().value());
        } else if (event instanceof MultiAddressAdded e) {
            provider(e.providerId(), m -> addAddress(m.multiaddresses, e.newMultiaddress()),
                    b -> addAddress(b.multiaddresses, e.newMultiaddress()));
        } else if (event instanceof MultiAddressRemoved e) {
            provider(e.providerId(), m -> m.multiaddresses.remove(e.removedMultiaddress()),
                    b -> b.multiaddresses.remove(e.removedMultiaddress()));
        } else if (event instanceof ValuePropAdded e) {
            fx.requireMsp(e.mspId().hex());
            addValueProp(e.mspId().hex(), e.valuePropId().hex(), e.valueProp());
        } else if (event instanceof ValuePropUnavailable e) {
            ValuePropRow vp = fx.uow().valueProp(e.mspId().hex(), e.valuePropId().hex());
            if (vp == null) {
                throw Rejection.unknown("value proposition", e.mspId() + "/" + e.valuePropId());
            }
            vp.available = false;
            vp.updated = fx.position();
            fx.uow().changed(vp);
        } else if (event instanceof Slashed e) {
            BigInteger amount = e.amount().value();
            provider(e.providerId(), m -> m.slashedTotal = m.slashedTotal.add(amount),
                    b -> b.slashedTotal = b.slashedTotal.add(amount));
        } else if (event instanceof BucketRootChanged e) {
            BucketRow bucket = fx.requireBucket(e.bucketId().hex());
            fx.changeBucket(bucket, b -> b.root = e.newRoot().hex());
        } else if (event instanceof BspRootChanged e) {
            BspRow bsp = fx.requireBsp(e.bspId().hex());
            bsp.root = e.newRoot().hex();
            fx.touch(bsp);
        } else {
            throw new IllegalStateException("no effect for " + event.getClass().getName());
        }
    }

    private void mspSignUp(MspSignUpSuccess e) throws Rejection {
        String id = e.mspId().hex();
        requireNewProvider(id);
        if (fx.uow().valueProp(id, e.valueProp().id().hex()) != null) {
            throw Rejection.exists("value proposition", id + "/" + e.valueProp().id());
        }
        MspRow msp = new MspRow();
        msp.chain = fx.uow().chain();
        msp.mspId = id;
        msp.account = e.who().hex();
        msp.capacity = e.capacity().value();
        e.multiaddresses().forEach(a -> addAddress(msp.multiaddresses, a));
        msp.signedUpAt = fx.position().block();
        msp.created = fx.position();
        fx.touch(msp);
        addValueProp(id, e.valueProp().id().hex(), e.valueProp().terms());
    }

    private void bspSignUp(BspSignUpSuccess e) throws Rejection {
        String id = e.bspId().hex();
        requireNewProvider(id);
        BspRow bsp = new BspRow();
        bsp.chain = fx.uow().chain();
        bsp.bspId = id;
        bsp.account = e.who().hex();
        bsp.capacity = e.capacity().value();
        bsp.root = e.root().hex();
        e.multiaddresses().forEach(a -> addAddress(bsp.multiaddresses, a));
        bsp.signedUpAt = fx.position().block();
        bsp.created = fx.position();
        fx.touch(bsp);
    }

    private void bspSignOff(BspSignOffSuccess e) throws Rejection {
        BspRow bsp = fx.requireBsp(e.bspId().hex());
        for (String fileKey : fx.uow().filesOfBsp(bsp.bspId)) {
            FileRow file = fx.uow().file(fileKey);
            fx.removeAssociation(bsp, file);
        }
        bsp.status = ProviderStatus.SIGNED_OFF;
        fx.touch(bsp);
    }

    private void requireNewProvider(String id) throws Rejection {
        if (fx.uow().msp(id) != null || fx.uow().bsp(id) != null) {
            throw Rejection.exists("provider", id);
        }
    }

    private void addValueProp(String mspId, String valuePropId, ValuePropTerms terms) throws Rejection {
        if (fx.uow().valueProp(mspId, valuePropId) != null) {
            throw Rejection.exists("value proposition", mspId + "/" + valuePropId);
        }
        ValuePropRow vp = new ValuePropRow();
        vp.chain = fx.uow().chain();
        vp.mspId = mspId;
        vp.valuePropId = valuePropId;
        vp.pricePerGigaUnitOfDataPerBlock = terms.pricePerGigaUnitOfDataPerBlock().value();
        vp.commitment = terms.commitment().hex();
        vp.bucketDataLimit = terms.bucketDataLimit().value();
        vp.created = fx.position();
        vp.updated = fx.position();
        fx.uow().changed(vp);
    }

    /** Applies a change to the MSP or the BSP with this id, whichever exists. */
    private void provider(ProviderId id, Consumer<MspRow> onMsp, Consumer<BspRow> onBsp) throws Rejection {
        MspRow msp = fx.uow().msp(id.hex());
        if (msp != null) {
            onMsp.accept(msp);
            fx.touch(msp);
            return;
        }
        BspRow bsp = fx.uow().bsp(id.hex());
        if (bsp == null) {
            throw Rejection.unknown("provider", id.hex());
        }
        onBsp.accept(bsp);
        fx.touch(bsp);
    }

    private static void addAddress(List<String> addresses, String address) {
        if (!addresses.contains(address)) {
            addresses.add(address);
        }
    }
}
