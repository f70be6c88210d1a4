package io.storagehub.projection.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.hash;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static io.storagehub.testkit.chain.ChainScript.valueProp;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Outcome.Kind;
import io.storagehub.projection.Outcome.RejectReason;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.readmodel.BspView;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.U64;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-event effects of the Providers pallet and the bucket events. */
public abstract class EventEffectsContract extends ProjectionContract {

    protected MspDetail msp(int n) {
        return queries().msp(CHAIN, provider(n)).orElseThrow();
    }

    protected BspView bsp(int n) {
        return queries().bsp(CHAIN, provider(n)).orElseThrow();
    }

    protected BucketView bucketView(int n) {
        return queries().bucket(CHAIN, bucket(n)).orElseThrow();
    }

    protected FileView fileView(int n) {
        return queries().file(CHAIN, file(n)).orElseThrow();
    }

    @Test
    void mspSignUp_insertsActiveMspWithItsFirstValueProp() {
        apply(chain.mspSignUp(1, 7));

        MspDetail msp = msp(1);
        assertThat(msp.msp().status()).isEqualTo("active");
        assertThat(msp.msp().account()).isEqualTo(account(1001));
        assertThat(msp.msp().capacity()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
        assertThat(msp.msp().signedUpAt()).isEqualTo(1);
        assertThat(msp.msp().createdAt()).isEqualTo(pos(1, 0));
        assertThat(msp.valueProps()).singleElement().satisfies(vp -> {
            assertThat(vp.valuePropId()).isEqualTo(valueProp(7));
            assertThat(vp.available()).isTrue();
            assertThat(vp.pricePerGigaUnitOfDataPerBlock()).isEqualTo(Balance.of(100));
        });
    }

    @Test
    void signUp_isRejected_whenProviderIdExists() {
        apply(chain.mspSignUp(1, 1));

        assertRejected(apply(chain.bspSignUp(1)), RejectReason.ALREADY_EXISTS);
        assertThat(queries().bsp(CHAIN, provider(1))).isEmpty();
    }

    @Test
    void bspSignUpAndRootChanged_setTheRoot() {
        apply(chain.bspSignUp(2));
        assertThat(bsp(2).root()).isEqualTo(hash(2));

        apply(chain.next(new ProvidersEvent.BspRootChanged(provider(2), hash(2), hash(99))));

        assertThat(bsp(2).root()).isEqualTo(hash(99));
        assertThat(bsp(2).updatedAt()).isEqualTo(pos(1, 1));
    }

    @Test
    void capacityChanged_appliesToMspOrBsp_andRejectsUnknownProvider() {
        givenProvidersAndBucket();

        assertAllApplied(apply(
                chain.next(new ProvidersEvent.CapacityChanged(account(1001), provider(1), U64.of(1), U64.of(42))),
                chain.next(new ProvidersEvent.CapacityChanged(account(2002), provider(2), U64.of(1),
                        new U64(U64.MAX)))));

        assertThat(msp(1).msp().capacity()).isEqualTo(BigInteger.valueOf(42));
        assertThat(bsp(2).capacity()).isEqualTo(U64.MAX);
        assertRejected(apply(chain.next(new ProvidersEvent.CapacityChanged(account(1), provider(77), U64.of(1),
                U64.of(2)))), RejectReason.UNKNOWN_ENTITY);
    }

    @Test
    void multiaddresses_areAnOrderedSetWithoutDuplicates() {
        apply(chain.bspSignUp(2));

        assertAllApplied(apply(
                chain.next(new ProvidersEvent.MultiAddressAdded(provider(2), "/dns/b")),
                chain.next(new ProvidersEvent.MultiAddressAdded(provider(2), "/dns/a")),
                chain.next(new ProvidersEvent.MultiAddressAdded(provider(2), "/dns/b")),
                chain.next(new ProvidersEvent.MultiAddressRemoved(provider(2), "/ip4/127.0.0.2/tcp/30002")),
                chain.next(new ProvidersEvent.MultiAddressRemoved(provider(2), "/never/added"))));

        assertThat(bsp(2).multiaddresses()).containsExactly("/dns/b", "/dns/a");
    }

    @Test
    void valueProps_areAddedAndMadeUnavailable() {
        apply(chain.mspSignUp(1, 1));

        assertAllApplied(apply(
                chain.next(new ProvidersEvent.ValuePropAdded(provider(1), valueProp(2),
                        new ProvidersEvent.ValuePropTerms(new Balance(Balance.MAX), Bytes.of("0xabcd"),
                                U64.of(7)))),
                chain.next(new ProvidersEvent.ValuePropUnavailable(provider(1), valueProp(1)))));

        assertThat(msp(1).valueProps()).extracting(vp -> vp.valuePropId(), vp -> vp.available(),
                        vp -> vp.pricePerGigaUnitOfDataPerBlock())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(valueProp(1), false, Balance.of(100)),
                        org.assertj.core.groups.Tuple.tuple(valueProp(2), true, new Balance(Balance.MAX)));
        assertRejected(apply(chain.next(new ProvidersEvent.ValuePropUnavailable(provider(1), valueProp(9)))),
                RejectReason.UNKNOWN_ENTITY);
        assertRejected(apply(chain.next(new ProvidersEvent.ValuePropAdded(provider(1), valueProp(2),
                        new ProvidersEvent.ValuePropTerms(Balance.of(1), Bytes.of("0x"), U64.of(1))))),
                RejectReason.ALREADY_EXISTS);
    }

    @Test
    void slashed_accumulatesBeyond64Bits() {
        apply(chain.mspSignUp(1, 1));
        Balance big = new Balance(BigInteger.ONE.shiftLeft(100));

        apply(chain.next(new ProvidersEvent.Slashed(provider(1), big)),
                chain.next(new ProvidersEvent.Slashed(provider(1), Balance.of(5))));

        assertThat(msp(1).msp().slashedTotal()).isEqualTo(new Balance(BigInteger.ONE.shiftLeft(100).add(
                BigInteger.valueOf(5))));
    }

    @Test
    void mspSignOff_keepsTheRows() {
        givenProvidersAndBucket();

        assertAllApplied(apply(chain.next(new ProvidersEvent.MspSignOffSuccess(account(1001), provider(1)))));

        assertThat(msp(1).msp().status()).isEqualTo("signed_off");
        assertThat(msp(1).msp().bucketCount()).isEqualTo(1);
        assertThat(bucketView(1).mspId()).isEqualTo(provider(1));
    }

    @Test
    void newBucket_countsForItsMsp_andRejectsUnknownMspOrValueProp() {
        givenProvidersAndBucket();

        assertThat(bucketView(1).owner()).isEqualTo(account(1));
        assertThat(bucketView(1).name()).isEqualTo("bucket-1");
        assertThat(msp(1).msp().bucketCount()).isEqualTo(1);
        assertRejected(apply(chain.newBucket(2, 1, 9, null)), RejectReason.UNKNOWN_ENTITY);
        assertRejected(apply(chain.newBucket(2, 1, 1, 9)), RejectReason.UNKNOWN_ENTITY);
        assertRejected(apply(chain.newBucket(1, 1, null, null)), RejectReason.ALREADY_EXISTS);
        assertAllApplied(apply(chain.newBucket(3, 1, null, null)));
        assertThat(bucketView(3).mspId()).isNull();
    }

    @Test
    void bucketPrivacyAndRoot_areUpdated() {
        givenProvidersAndBucket();

        assertAllApplied(apply(
                chain.next(new FileSystemEvent.BucketPrivacyUpdated(account(1), bucket(1), hash(77), true)),
                chain.next(new ProvidersEvent.BucketRootChanged(bucket(1), hash(1), hash(78)))));

        BucketView b = bucketView(1);
        assertThat(b.isPrivate()).isTrue();
        assertThat(b.collectionId()).isEqualTo(hash(77));
        assertThat(b.root()).isEqualTo(hash(78));
    }

    @Test
    void moveBucket_transfersBucketCountAndUsedCapacity() {
        givenAcceptedFile();
        apply(chain.mspSignUp(4, 4));

        assertAllApplied(apply(chain.next(new FileSystemEvent.MoveBucketAccepted(bucket(1), provider(1),
                provider(4), valueProp(4)))));

        assertThat(msp(1).msp().bucketCount()).isZero();
        assertThat(msp(1).msp().usedCapacity()).isZero();
        assertThat(msp(4).msp().bucketCount()).isEqualTo(1);
        assertThat(msp(4).msp().usedCapacity()).isEqualTo(BigInteger.valueOf(100));
        assertThat(bucketView(1).valuePropId()).isEqualTo(valueProp(4));
        assertThat(fileView(1).mspId()).isEqualTo(provider(4));
        assertCountersMatchRecount();
    }

    @Test
    void mspStoppedStoringBucket_releasesIt_andRejectsAnotherMsp() {
        givenAcceptedFile();
        apply(chain.mspSignUp(4, 4));

        assertRejected(apply(chain.next(new FileSystemEvent.MspStoppedStoringBucket(provider(4), account(1),
                bucket(1)))), RejectReason.MISMATCH);
        assertAllApplied(apply(chain.next(new FileSystemEvent.MspStoppedStoringBucket(provider(1), account(1),
                bucket(1)))));

        assertThat(bucketView(1).mspId()).isNull();
        assertThat(msp(1).msp().usedCapacity()).isZero();
        assertThat(msp(1).msp().bucketCount()).isZero();
        assertCountersMatchRecount();
    }

    @Test
    void bucketDeleted_hidesItFromListsButKeepsIt() {
        givenProvidersAndBucket();

        assertAllApplied(apply(chain.next(new FileSystemEvent.BucketDeleted(account(1), bucket(1)))));

        assertThat(bucketView(1).deleted()).isTrue();
        assertThat(msp(1).msp().bucketCount()).isZero();
        assertThat(queries().accountBuckets(CHAIN, account(1), firstPage()).items()).isEmpty();
        assertThat(queries().mspBuckets(CHAIN, provider(1), firstPage()).items()).isEmpty();
        assertRejected(apply(chain.newStorageRequest(5, 1, 1, "x", 1)), RejectReason.UNKNOWN_ENTITY);
        assertThat(List.of(apply(chain.next(new FileSystemEvent.BucketDeleted(account(1), bucket(1))))
                .outcomes().get(0).kind())).containsExactly(Kind.REJECTED);
    }

    protected static io.storagehub.schema.readmodel.PageRequest firstPage() {
        return io.storagehub.schema.readmodel.PageRequest.first(100);
    }
}
