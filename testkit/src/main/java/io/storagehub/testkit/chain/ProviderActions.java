package io.storagehub.testkit.chain;

import io.storagehub.schema.event.ProvidersEvent.BspRootChanged;
import io.storagehub.schema.event.ProvidersEvent.BspSignOffSuccess;
import io.storagehub.schema.event.ProvidersEvent.BspSignUpSuccess;
import io.storagehub.schema.event.ProvidersEvent.CapacityChanged;
import io.storagehub.schema.event.ProvidersEvent.MspSignUpSuccess;
import io.storagehub.schema.event.ProvidersEvent.MultiAddressAdded;
import io.storagehub.schema.event.ProvidersEvent.MultiAddressRemoved;
import io.storagehub.schema.event.ProvidersEvent.SignUpValueProp;
import io.storagehub.schema.event.ProvidersEvent.Slashed;
import io.storagehub.schema.event.ProvidersEvent.ValuePropAdded;
import io.storagehub.schema.event.ProvidersEvent.ValuePropTerms;
import io.storagehub.schema.event.ProvidersEvent.ValuePropUnavailable;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.U64;
import java.util.ArrayList;
import java.util.List;

/** Provider life: sign-ups (many early, few later), capacity, addresses, value propositions, slashes, roots. */
final class ProviderActions {
    private static final int MIN_MSPS = 3;
    private static final int MIN_BSPS = 5;
    private static final int MAX_ADDRESSES = 5;
    private static final int MAX_VALUE_PROPS = 8;

    private final World w;

    ProviderActions(World w) {
        this.w = w;
    }

    List<Action> actions() {
        return List.of(
                Action.valid("mspSignUp", this::mspSignUpWeight, this::mspSignUp),
                Action.valid("bspSignUp", this::bspSignUpWeight, this::bspSignUp),
                Action.valid("bspSignOff", () -> w.activeBsps.size() > MIN_BSPS ? 0.0004 : 0, this::bspSignOff),
                Action.valid("capacityChanged", () -> 0.01, this::capacityChanged),
                Action.valid("multiAddressAdded", () -> 0.006, this::multiAddressAdded),
                Action.valid("multiAddressRemoved", () -> 0.005, this::multiAddressRemoved),
                Action.valid("valuePropAdded", () -> 0.005, this::valuePropAdded),
                Action.valid("valuePropUnavailable", () -> 0.003, this::valuePropUnavailable),
                Action.valid("slashed", () -> 0.004, this::slashed),
                Action.valid("bspRootChanged", () -> 0.01, this::bspRootChanged));
    }

    private double mspSignUpWeight() {
        int n = w.activeMsps.size();
        return n < MIN_MSPS ? 0.5 : n < 12 ? 0.0006 : 0.0001;
    }

    private double bspSignUpWeight() {
        int n = w.activeBsps.size();
        return n < MIN_BSPS ? 0.5 : n < 40 ? 0.0012 : 0.0001;
    }

    private MspSignUpSuccess mspSignUp() {
        MspState msp = new MspState(w.ids.provider(), w.ids.account(), peerIds(), w.amounts.capacity());
        msp.multiaddresses.addAll(addresses(msp));
        MspState.ValueProp vp = new MspState.ValueProp(w.ids.valueProp());
        msp.valueProps.add(vp);
        ValuePropTerms terms = terms();
        w.activeMsps.add(msp);
        w.everyProvider.add(msp);
        return new MspSignUpSuccess(msp.account, msp.id, msp.capacity, msp.multiaddresses,
                new SignUpValueProp(vp.id, terms.pricePerGigaUnitOfDataPerBlock(), terms.commitment(),
                        terms.bucketDataLimit()));
    }

    private BspSignUpSuccess bspSignUp() {
        Hash32 root = w.ids.hash();
        BspState bsp = new BspState(w.ids.provider(), w.ids.account(), peerIds(), w.amounts.capacity(), root);
        bsp.multiaddresses.addAll(addresses(bsp));
        w.activeBsps.add(bsp);
        w.everyProvider.add(bsp);
        return new BspSignUpSuccess(bsp.account, bsp.id, root, bsp.capacity, bsp.multiaddresses);
    }

    /** The BSP storing the fewest files leaves (a real one must have handed its files over first). */
    private BspSignOffSuccess bspSignOff() {
        BspState leaving = null;
        for (int i = 0; i < w.activeBsps.size(); i++) {
            BspState bsp = w.activeBsps.get(i);
            if (leaving == null || bsp.files.size() < leaving.files.size()) {
                leaving = bsp;
            }
        }
        w.signOff(leaving);
        return new BspSignOffSuccess(leaving.account, leaving.id);
    }

    private CapacityChanged capacityChanged() {
        ProviderState p = w.activeProvider();
        if (p == null) {
            return null;
        }
        U64 old = p.capacity;
        p.capacity = w.amounts.capacity();
        return new CapacityChanged(p.account, p.id, old, p.capacity);
    }

    private MultiAddressAdded multiAddressAdded() {
        ProviderState p = w.activeProvider();
        if (p == null || p.multiaddresses.size() >= MAX_ADDRESSES) {
            return null;
        }
        String address = w.texts.multiaddress(w.rng.pick(p.peerIds));
        if (p.multiaddresses.contains(address)) {
            return null;
        }
        p.multiaddresses.add(address);
        return new MultiAddressAdded(p.id, address);
    }

    private MultiAddressRemoved multiAddressRemoved() {
        ProviderState p = w.activeProvider();
        if (p == null || p.multiaddresses.size() < 2) {
            return null;
        }
        String address = p.multiaddresses.remove(w.rng.nextInt(p.multiaddresses.size()));
        return new MultiAddressRemoved(p.id, address);
    }

    private ValuePropAdded valuePropAdded() {
        MspState msp = w.activeMsps.random(w.rng);
        if (msp == null || msp.valueProps.size() >= MAX_VALUE_PROPS) {
            return null;
        }
        MspState.ValueProp vp = new MspState.ValueProp(w.ids.valueProp());
        msp.valueProps.add(vp);
        return new ValuePropAdded(msp.id, vp.id, terms());
    }

    /** Keeps at least one value proposition of every MSP available. */
    private ValuePropUnavailable valuePropUnavailable() {
        MspState msp = w.activeMsps.random(w.rng);
        if (msp == null) {
            return null;
        }
        List<MspState.ValueProp> available = msp.available();
        if (available.size() < 2) {
            return null;
        }
        MspState.ValueProp vp = w.rng.pick(available);
        vp.available = false;
        return new ValuePropUnavailable(msp.id, vp.id);
    }

    /** At most one slash near 2^127 per provider, so its total stays a u128. */
    private Slashed slashed() {
        ProviderState p = w.activeProvider();
        if (p == null) {
            return null;
        }
        Balance amount;
        if (!p.hugeSlashDone && w.rng.chance(0.05)) {
            p.hugeSlashDone = true;
            amount = w.amounts.nearTwo127();
        } else {
            amount = w.amounts.small();
        }
        p.slashedTotal = p.slashedTotal.add(amount.value());
        return new Slashed(p.id, amount);
    }

    private BspRootChanged bspRootChanged() {
        BspState bsp = w.activeBsps.random(w.rng);
        if (bsp == null) {
            return null;
        }
        Hash32 old = bsp.root;
        bsp.root = w.ids.hash();
        return new BspRootChanged(bsp.id, old, bsp.root);
    }

    private ValuePropTerms terms() {
        return new ValuePropTerms(w.amounts.price(), new Bytes(w.texts.commitmentHex()), w.amounts.bucketDataLimit());
    }

    private List<String> peerIds() {
        List<String> peers = new ArrayList<>();
        int n = 1 + w.rng.nextInt(2);
        for (int i = 0; i < n; i++) {
            peers.add(w.texts.peerId());
        }
        return peers;
    }

    private List<String> addresses(ProviderState p) {
        List<String> addresses = new ArrayList<>();
        for (String peer : p.peerIds) {
            addresses.add(w.texts.multiaddress(peer));
        }
        return addresses;
    }
}
