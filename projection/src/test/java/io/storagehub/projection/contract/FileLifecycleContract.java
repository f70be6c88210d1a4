package io.storagehub.projection.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.hash;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Outcome.RejectReason;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.U64;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-event effects of storage requests, BSP storage, deletions and payment streams. */
public abstract class FileLifecycleContract extends EventEffectsContract {

    @Test
    void newStorageRequest_insertsRequestedFile_countedInItsBucket() {
        givenProvidersAndBucket();

        assertAllApplied(apply(chain.newStorageRequest(1, 1, 1, "docs/a.txt", 100)));

        FileView f = fileView(1);
        assertThat(f.status()).isEqualTo("requested");
        assertThat(f.owner()).isEqualTo(account(1));
        assertThat(f.location()).isEqualTo(Location.of("docs/a.txt"));
        assertThat(f.bspsRequired()).isEqualTo(2);
        assertThat(f.mspConfirmed()).isFalse();
        assertThat(f.peerIds()).containsExactly("peer-1");
        assertThat(bucketView(1).fileCount()).isEqualTo(1);
        assertThat(bucketView(1).totalSize()).isEqualTo(BigInteger.valueOf(100));
        assertThat(msp(1).msp().usedCapacity()).isZero();
    }

    @Test
    void replicationTarget_defaultsToOne() {
        givenProvidersAndBucket();

        apply(chain.next(new FileSystemEvent.NewStorageRequest(account(1), file(1), bucket(1), Location.of("a"),
                hash(1), U64.of(1), List.of(), 10, 1)));

        assertThat(fileView(1).bspsRequired()).isEqualTo(1);
    }

    @Test
    void mspAccepted_addsTheSizeToTheBucketsMsp() {
        givenAcceptedFile();

        assertThat(fileView(1).mspConfirmed()).isTrue();
        assertThat(fileView(1).mspId()).isEqualTo(provider(1));
        assertThat(msp(1).msp().usedCapacity()).isEqualTo(BigInteger.valueOf(100));
    }

    @Test
    void bspConfirmedStoring_associatesEveryConfirmedKey_andSetsTheRoot() {
        givenAcceptedFile();
        apply(chain.newStorageRequest(2, 1, 1, "docs/b.txt", 50));

        assertAllApplied(apply(chain.bspConfirmed(2, 1, 2), chain.bspConfirmed(3, 1), chain.bspConfirmed(3, 1)));

        assertThat(fileView(1).bsps()).containsExactly(provider(2), provider(3));
        assertThat(fileView(1).replicas()).isEqualTo(2);
        assertThat(fileView(1).fullyReplicated()).isTrue();
        assertThat(bsp(2).fileCount()).isEqualTo(2);
        assertThat(bsp(2).usedCapacity()).isEqualTo(BigInteger.valueOf(150));
        assertThat(bsp(3).fileCount()).isEqualTo(1);
        assertCountersMatchRecount();
    }

    @Test
    void bspConfirmedStoring_isRejectedWhole_whenOneKeyIsUnknown() {
        givenAcceptedFile();

        assertRejected(apply(chain.bspConfirmed(2, 1, 99)), RejectReason.UNKNOWN_ENTITY);

        assertThat(fileView(1).bsps()).isEmpty();
        assertThat(bsp(2).fileCount()).isZero();
        assertThat(bsp(2).root()).isEqualTo(hash(2));
    }

    @Test
    void requestOutcomes_setTheStatus_andKeepBspAssociations() {
        givenProvidersAndBucket();
        for (int i = 1; i <= 4; i++) {
            apply(chain.newStorageRequest(i, 1, 1, "f" + i, 10));
        }
        apply(chain.bspConfirmed(2, 1, 2, 3, 4));

        assertAllApplied(apply(chain.fulfilled(1),
                chain.next(new FileSystemEvent.StorageRequestExpired(file(2))),
                chain.next(new FileSystemEvent.StorageRequestRevoked(file(3))),
                chain.next(new FileSystemEvent.StorageRequestRejected(file(4), "too big"))));

        assertThat(List.of(1, 2, 3, 4)).extracting(i -> fileView(i).status())
                .containsExactly("stored", "expired", "revoked", "rejected");
        assertThat(fileView(4).rejectReason()).isEqualTo("too big");
        assertThat(bsp(2).fileCount()).isEqualTo(4);
        assertThat(bucketView(1).fileCount()).isEqualTo(1);
        assertCountersMatchRecount();
    }

    @Test
    void expiredKey_canBeRequestedAgain_butALiveOneCannot() {
        givenProvidersAndBucket();
        apply(chain.newStorageRequest(1, 1, 1, "a", 10));
        assertRejected(apply(chain.newStorageRequest(1, 1, 1, "a", 10)), RejectReason.ALREADY_EXISTS);
        apply(chain.next(new FileSystemEvent.StorageRequestExpired(file(1))));

        assertAllApplied(apply(chain.newStorageRequest(1, 1, 1, "a", 10)));

        assertThat(fileView(1).status()).isEqualTo("requested");
        assertThat(fileView(1).createdAt()).isEqualTo(fileView(1).updatedAt());
        assertThat(bucketView(1).fileCount()).isEqualTo(1);
    }

    @Test
    void bspConfirmStoppedStoring_removesTheAssociation() {
        givenAcceptedFile();
        apply(chain.bspConfirmed(2, 1));

        assertAllApplied(apply(chain.next(new FileSystemEvent.BspConfirmStoppedStoring(provider(2), file(1),
                hash(555)))));

        assertThat(fileView(1).bsps()).isEmpty();
        assertThat(bsp(2).fileCount()).isZero();
        assertThat(bsp(2).usedCapacity()).isZero();
        assertThat(bsp(2).root()).isEqualTo(hash(555));
    }

    @Test
    void deletion_requestThenDelete_hidesTheFileAndDropsAssociations() {
        givenAcceptedFile();
        apply(chain.bspConfirmed(2, 1), chain.bspConfirmed(3, 1), chain.fulfilled(1));

        assertRejected(apply(chain.next(new FileSystemEvent.FileDeletionRequested(account(1), file(1),
                bucket(9)))), RejectReason.MISMATCH);
        assertAllApplied(apply(chain.next(new FileSystemEvent.FileDeletionRequested(account(1), file(1),
                bucket(1)))));
        assertThat(fileView(1).status()).isEqualTo("deletion_requested");
        assertThat(bucketView(1).fileCount()).isEqualTo(1);
        assertAllApplied(apply(chain.next(new FileSystemEvent.FileDeleted(file(1), bucket(1)))));

        assertThat(fileView(1).status()).isEqualTo("deleted");
        assertThat(fileView(1).bsps()).isEmpty();
        assertThat(bucketView(1).fileCount()).isZero();
        assertThat(bucketView(1).totalSize()).isZero();
        assertThat(msp(1).msp().usedCapacity()).isZero();
        assertThat(bsp(2).fileCount()).isZero();
        assertThat(queries().bucketFiles(CHAIN, bucket(1), "", false, firstPage()).items()).isEmpty();
        assertRejected(apply(chain.fulfilled(1)), RejectReason.UNKNOWN_ENTITY);
        assertCountersMatchRecount();
    }

    @Test
    void bspSignOff_removesAllItsAssociations() {
        givenAcceptedFile();
        apply(chain.newStorageRequest(2, 1, 1, "b", 7));
        apply(chain.bspConfirmed(2, 1, 2), chain.bspConfirmed(3, 1));

        assertAllApplied(apply(chain.next(new ProvidersEvent.BspSignOffSuccess(account(2002), provider(2)))));

        assertThat(bsp(2).status()).isEqualTo("signed_off");
        assertThat(bsp(2).fileCount()).isZero();
        assertThat(bsp(2).usedCapacity()).isZero();
        assertThat(fileView(1).bsps()).containsExactly(provider(3));
        assertThat(fileView(2).replicas()).isZero();
        assertCountersMatchRecount();
    }

    @Test
    void paymentStreams_fullLifecycle() {
        givenProvidersAndBucket();
        Balance huge = new Balance(Balance.MAX.subtract(BigInteger.TEN));

        assertAllApplied(apply(
                chain.next(new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(1), provider(1),
                        Balance.of(5))),
                chain.next(new PaymentStreamsEvent.FixedRatePaymentStreamUpdated(account(1), provider(1), huge)),
                chain.next(new PaymentStreamsEvent.DynamicRatePaymentStreamCreated(account(1), provider(2),
                        U64.of(10))),
                chain.next(new PaymentStreamsEvent.DynamicRatePaymentStreamUpdated(account(1), provider(2),
                        new U64(U64.MAX))),
                chain.next(new PaymentStreamsEvent.PaymentStreamCharged(account(1), provider(1), Balance.of(3), 77)),
                chain.next(new PaymentStreamsEvent.PaymentStreamCharged(account(1), provider(1), Balance.of(4), 78)),
                chain.next(new PaymentStreamsEvent.DynamicRatePaymentStreamCreated(account(2), provider(2),
                        U64.of(1))),
                chain.next(new PaymentStreamsEvent.DynamicRatePaymentStreamDeleted(account(2), provider(2)))));

        List<PaymentStreamView> streams = queries().accountPaymentStreams(CHAIN, account(1), firstPage()).items();
        assertThat(streams).hasSize(2);
        PaymentStreamView fixed = streams.get(0);
        assertThat(fixed.kind()).isEqualTo("fixed");
        assertThat(fixed.rate()).isEqualTo(huge);
        assertThat(fixed.amountProvided()).isNull();
        assertThat(fixed.totalCharged()).isEqualTo(Balance.of(7));
        assertThat(fixed.lastTickCharged()).isEqualTo(78L);
        PaymentStreamView dynamic = streams.get(1);
        assertThat(dynamic.kind()).isEqualTo("dynamic");
        assertThat(dynamic.amountProvided()).isEqualTo(U64.MAX);
        assertThat(dynamic.lastTickCharged()).isNull();
        assertThat(queries().providerPaymentStreams(CHAIN, provider(2), firstPage()).items())
                .extracting(PaymentStreamView::userAccount).containsExactly(account(1));
    }

    @Test
    void paymentStreams_rejectUnknownDuplicateAndWrongKind() {
        givenProvidersAndBucket();
        apply(chain.next(new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(1), provider(1),
                Balance.of(5))));

        assertRejected(apply(chain.next(new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(1),
                provider(1), Balance.of(5)))), RejectReason.ALREADY_EXISTS);
        assertRejected(apply(chain.next(new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(1),
                provider(50), Balance.of(5)))), RejectReason.UNKNOWN_ENTITY);
        assertRejected(apply(chain.next(new PaymentStreamsEvent.DynamicRatePaymentStreamUpdated(account(1),
                provider(1), U64.of(5)))), RejectReason.MISMATCH);
        assertRejected(apply(chain.next(new PaymentStreamsEvent.PaymentStreamCharged(account(9), provider(1),
                Balance.of(5), 1))), RejectReason.UNKNOWN_ENTITY);
    }
}
