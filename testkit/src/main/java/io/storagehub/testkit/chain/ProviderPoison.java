package io.storagehub.testkit.chain;

import io.storagehub.schema.event.FileSystemEvent.MoveBucketAccepted;
import io.storagehub.schema.event.FileSystemEvent.MspStoppedStoringBucket;
import io.storagehub.schema.event.FileSystemEvent.NewBucket;
import io.storagehub.schema.event.ProvidersEvent.BspRootChanged;
import io.storagehub.schema.event.ProvidersEvent.BspSignOffSuccess;
import io.storagehub.schema.event.ProvidersEvent.BspSignUpSuccess;
import io.storagehub.schema.event.ProvidersEvent.CapacityChanged;
import io.storagehub.schema.event.ProvidersEvent.MspSignOffSuccess;
import io.storagehub.schema.event.ProvidersEvent.MspSignUpSuccess;
import io.storagehub.schema.event.ProvidersEvent.MultiAddressAdded;
import io.storagehub.schema.event.ProvidersEvent.SignUpValueProp;
import io.storagehub.schema.event.ProvidersEvent.Slashed;
import io.storagehub.schema.event.ProvidersEvent.ValuePropAdded;
import io.storagehub.schema.event.ProvidersEvent.ValuePropTerms;
import io.storagehub.schema.event.ProvidersEvent.ValuePropUnavailable;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import java.util.List;

/** Poison on providers, value propositions and bucket placement. See {@link FilePoison}. */
final class ProviderPoison {
    private final World w;

    ProviderPoison(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.poison("duplicateSignUp", this::duplicateSignUp),
                Action.poison("unknownProvider", this::unknownProvider),
                Action.poison("duplicateValueProp", this::duplicateValueProp),
                Action.poison("unknownValueProp", this::unknownValueProp),
                Action.poison("duplicateBucket", this::duplicateBucket),
                Action.poison("bucketOfUnknownMsp", this::bucketOfUnknownMsp),
                Action.poison("stoppedByOtherMsp", this::stoppedByOtherMsp));
    }

    /** Any provider id, MSP or BSP, active or signed off, cannot sign up again. */
    private Emission duplicateSignUp() {
        if (w.everyProvider.isEmpty()) {
            return null;
        }
        ProviderState p = w.rng.pick(w.everyProvider);
        U64 capacity = w.amounts.capacity();
        if (w.rng.chance(0.5)) {
            return Emission.exists(new BspSignUpSuccess(w.ids.account(), p.id, w.ids.hash(), capacity, List.of()));
        }
        SignUpValueProp vp = new SignUpValueProp(w.ids.valueProp(), Balance.of(1), new Bytes("0x"), U64.of(1));
        return Emission.exists(new MspSignUpSuccess(w.ids.account(), p.id, capacity, List.of(), vp));
    }

    private Emission unknownProvider() {
        ProviderId id = w.ids.unknownProvider();
        return Emission.unknown(switch (w.rng.nextInt(7)) {
            case 0 -> new CapacityChanged(w.ids.unknownAccount(), id, U64.ZERO, w.amounts.capacity());
            case 1 -> new Slashed(id, w.amounts.small());
            case 2 -> new MultiAddressAdded(id, w.texts.multiaddress(w.texts.peerId()));
            case 3 -> new BspRootChanged(id, w.ids.hash(), w.ids.hash());
            case 4 -> new MspSignOffSuccess(w.ids.unknownAccount(), id);
            case 5 -> new BspSignOffSuccess(w.ids.unknownAccount(), id);
            default -> new ValuePropAdded(id, w.ids.valueProp(), terms());
        });
    }

    private Emission duplicateValueProp() {
        MspState msp = w.activeMsps.random(w.rng);
        if (msp == null) {
            return null;
        }
        return Emission.exists(new ValuePropAdded(msp.id, w.rng.pick(msp.valueProps).id, terms()));
    }

    /** An existing MSP with a value proposition it never had: unavailable, a bucket against it, a move to it. */
    private Emission unknownValueProp() {
        MspState msp = w.activeMsps.random(w.rng);
        if (msp == null) {
            return null;
        }
        BucketState bucket = w.liveBuckets.random(w.rng);
        int pick = w.rng.nextInt(3);
        if (pick == 0 || bucket == null) {
            return Emission.unknown(new ValuePropUnavailable(msp.id, w.ids.unknownValueProp()));
        }
        if (pick == 1) {
            return Emission.unknown(new NewBucket(w.user(), msp.id, w.ids.unknownBucket(), "poison", w.ids.hash(),
                    null, false, w.ids.unknownValueProp()));
        }
        return Emission.unknown(new MoveBucketAccepted(bucket.id, bucket.msp == null ? null : bucket.msp.id,
                msp.id, w.ids.unknownValueProp()));
    }

    /** A bucket id that exists, every other field valid. */
    private Emission duplicateBucket() {
        BucketState bucket = w.liveBuckets.random(w.rng);
        if (bucket == null) {
            return null;
        }
        MspState msp = w.openMsp(null);
        return Emission.exists(new NewBucket(bucket.owner, msp == null ? null : msp.id, bucket.id, "again",
                w.ids.hash(), null, false, msp == null ? null : msp.randomAvailable(w.rng).id));
    }

    private Emission bucketOfUnknownMsp() {
        return Emission.unknown(new NewBucket(w.user(), w.ids.unknownProvider(), w.ids.unknownBucket(), "orphan",
                w.ids.hash(), null, false, null));
    }

    /** A live bucket and an existing MSP that does not store it. */
    private Emission stoppedByOtherMsp() {
        BucketState bucket = w.liveBuckets.random(w.rng);
        MspState msp = w.activeMsps.random(w.rng);
        if (bucket == null || msp == null || bucket.msp == msp) {
            return null;
        }
        return Emission.mismatch(new MspStoppedStoringBucket(msp.id, bucket.owner, bucket.id));
    }

    private ValuePropTerms terms() {
        return new ValuePropTerms(w.amounts.price(), new Bytes(w.texts.commitmentHex()), w.amounts.bucketDataLimit());
    }
}
