package io.storagehub.projection.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.projection.Outcome.Kind;
import io.storagehub.projection.Outcome.RejectReason;
import io.storagehub.projection.state.EntityFields;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.value.Balance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changes kept with the read model: entity histories and the chain's filtered changes. The suite every adapter runs. */
public abstract class ChangeContract extends QueryContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Envelope> lifecycle = new ArrayList<>();

    /** MSP 1, BSPs 2 and 3, bucket 1 (of account 1 on MSP 1); file 1 requested, accepted, stored by BSP 2, fulfilled. */
    private void givenFileLifecycle() {
        givenProvidersAndBucket();
        lifecycle.add(chain.newStorageRequest(1, 1, 1, "docs/a.txt", 100));
        lifecycle.add(chain.mspAccepted(1));
        chain.nextBlock();
        lifecycle.add(chain.bspConfirmed(2, 1));
        lifecycle.add(chain.fulfilled(1));
        assertAllApplied(apply(lifecycle.toArray(Envelope[]::new)));
    }

    private Page<ChangeView> history(EntityKind kind, String id, HistoryOrder order, PageRequest page) {
        return queries().history(CHAIN, kind, id, order, page).orElseThrow();
    }

    private List<ChangeView> walkHistory(EntityKind kind, String id, HistoryOrder order, int limit) {
        List<ChangeView> all = new ArrayList<>();
        Optional<SortKey> after = Optional.empty();
        for (int guard = 0; guard < 1000; guard++) {
            Page<ChangeView> page = history(kind, id, order, new PageRequest(limit, after));
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            all.addAll(page.items());
            if (page.nextKey().isEmpty()) {
                return all;
            }
            after = page.nextKey();
        }
        throw new AssertionError("pagination did not end");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<Position> positions(List<ChangeView> changes) {
        return changes.stream().map(ChangeView::position).toList();
    }

    private static Optional<ChangedEntity> entity(ChangeView change, EntityKind kind, String id) {
        return change.entities().stream().filter(e -> e.kind() == kind && e.id().equals(id)).findFirst();
    }

    private List<ChangeView> all(ChangeFilter filter) {
        return queries().changes(CHAIN, filter, Position.ORIGIN, PageRequest.MAX_LIMIT);
    }

    private static ChangeFilter filter(String kind, String id) {
        ChangeFilter f = ChangeFilter.NONE;
        return switch (kind) {
            case "bucket" -> new ChangeFilter(Optional.of(bucket(Integer.parseInt(id))), f.file(), f.msp(), f.bsp(),
                    f.account());
            case "file" -> new ChangeFilter(f.bucket(), Optional.of(file(Integer.parseInt(id))), f.msp(), f.bsp(),
                    f.account());
            case "msp" -> new ChangeFilter(f.bucket(), f.file(), Optional.of(provider(Integer.parseInt(id))), f.bsp(),
                    f.account());
            case "bsp" -> new ChangeFilter(f.bucket(), f.file(), f.msp(), Optional.of(provider(Integer.parseInt(id))),
                    f.account());
            case "account" -> new ChangeFilter(f.bucket(), f.file(), f.msp(), f.bsp(),
                    Optional.of(account(Integer.parseInt(id))));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Test
    void fileHistory_newestFirstByDefault_andOldestFirstOnRequest() {
        givenFileLifecycle();
        List<Position> expected = lifecycle.stream().map(Envelope::position).toList();

        Page<ChangeView> desc = history(EntityKind.FILE, file(1).hex(), HistoryOrder.DESC, PageRequest.first(100));
        Page<ChangeView> asc = history(EntityKind.FILE, file(1).hex(), HistoryOrder.ASC, PageRequest.first(100));

        assertThat(positions(asc.items())).containsExactlyElementsOf(expected);
        assertThat(positions(desc.items())).containsExactlyElementsOf(reversed(expected));
        assertThat(desc.nextKey()).isEmpty();
    }

    @Test
    void history_pagesInBothOrders_withoutLossOrRepeat() {
        givenFileLifecycle();

        for (HistoryOrder order : HistoryOrder.values()) {
            List<ChangeView> full = history(EntityKind.FILE, file(1).hex(), order, PageRequest.first(100)).items();
            assertThat(walkHistory(EntityKind.FILE, file(1).hex(), order, 1)).as("%s", order).isEqualTo(full);
            assertThat(walkHistory(EntityKind.FILE, file(1).hex(), order, 3)).as("%s", order).isEqualTo(full);
        }
        Page<ChangeView> first = history(EntityKind.FILE, file(1).hex(), HistoryOrder.DESC, PageRequest.first(2));
        assertThat(first.nextKey()).contains(SortKey.of(Long.toString(lifecycle.get(2).position().block()),
                Long.toString(lifecycle.get(2).position().index())));
    }

    @Test
    void history_ofAnUnknownEntity_isEmpty_likeItsLookup() {
        givenFileLifecycle();

        assertThat(queries().history(CHAIN, EntityKind.FILE, file(9).hex(), HistoryOrder.DESC,
                PageRequest.first(10))).isEmpty();
        assertThat(queries().history(CHAIN, EntityKind.BUCKET, bucket(9).hex(), HistoryOrder.ASC,
                PageRequest.first(10))).isEmpty();
        assertThat(queries().history(CHAIN, EntityKind.MSP, provider(2).hex(), HistoryOrder.DESC,
                PageRequest.first(10))).as("a BSP's id is not an MSP").isEmpty();
        assertThat(queries().history(CHAIN, EntityKind.BSP, provider(9).hex(), HistoryOrder.DESC,
                PageRequest.first(10))).isEmpty();
        assertThat(queries().history("other-chain", EntityKind.FILE, file(1).hex(), HistoryOrder.DESC,
                PageRequest.first(10))).isEmpty();
    }

    @Test
    void history_refusesMalformedSortKeys_andKindsWithoutHistory() {
        givenFileLifecycle();

        assertThatThrownBy(() -> queries().history(CHAIN, EntityKind.FILE, file(1).hex(), HistoryOrder.DESC,
                new PageRequest(10, Optional.of(SortKey.of("x", "1"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries().history(CHAIN, EntityKind.FILE, file(1).hex(), HistoryOrder.DESC,
                new PageRequest(10, Optional.of(SortKey.of("1"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries().history(CHAIN, EntityKind.VALUE_PROP, provider(1).hex(),
                HistoryOrder.DESC, PageRequest.first(10))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void change_carriesTheEventAsDecoded_andEveryRowItCreatedOrChanged() throws Exception {
        givenFileLifecycle();
        Envelope request = lifecycle.get(0);

        ChangeView created = history(EntityKind.FILE, file(1).hex(), HistoryOrder.ASC, PageRequest.first(1))
                .items().get(0);

        assertThat(created.position()).isEqualTo(request.position());
        assertThat(created.blockHash()).isEqualTo(request.block().hash().hex());
        assertThat(created.blockTime()).isEqualTo(request.block().timestamp());
        assertThat(created.pallet()).isEqualTo("FileSystem");
        assertThat(created.name()).isEqualTo("NewStorageRequest");
        assertThat(JSON.readTree(created.dataJson()))
                .isEqualTo(JSON.readTree(new EventEncoder().toJson(request)).get("data"));
        assertThat(entity(created, EntityKind.FILE, file(1).hex())).get().extracting(ChangedEntity::changed)
                .isEqualTo(EntityFields.FILE);
        assertThat(entity(created, EntityKind.BUCKET, bucket(1).hex())).get().extracting(ChangedEntity::changed)
                .isEqualTo(List.of("fileCount", "totalSize", "updatedAt"));
        assertThat(created.entities()).extracting(ChangedEntity::kind)
                .containsExactly(EntityKind.BUCKET, EntityKind.FILE);
    }

    @Test
    void change_namesDerivedCountersAndStatus_asTheyMoved() {
        givenFileLifecycle();
        List<ChangeView> changes = history(EntityKind.FILE, file(1).hex(), HistoryOrder.ASC, PageRequest.first(10))
                .items();

        ChangeView accepted = changes.get(1);
        assertThat(accepted.entities()).containsExactly(
                new ChangedEntity(EntityKind.MSP, provider(1).hex(), List.of("usedCapacity", "updatedAt")),
                new ChangedEntity(EntityKind.BUCKET, bucket(1).hex(), List.of("updatedAt")),
                new ChangedEntity(EntityKind.FILE, file(1).hex(), List.of("mspConfirmed", "updatedAt")));
        ChangeView confirmed = changes.get(2);
        assertThat(confirmed.entities()).containsExactly(
                new ChangedEntity(EntityKind.BSP, provider(2).hex(),
                        List.of("usedCapacity", "root", "fileCount", "updatedAt")),
                new ChangedEntity(EntityKind.FILE, file(1).hex(), List.of("bsps", "replicas", "updatedAt")));
        ChangeView fulfilled = changes.get(3);
        assertThat(fulfilled.entities()).containsExactly(
                new ChangedEntity(EntityKind.FILE, file(1).hex(), List.of("status", "updatedAt")));
    }

    @Test
    void bucketHistory_holdsItsRowsChanges_whileTheBucketFilterAlsoHasItsFiles() {
        givenFileLifecycle();
        Position bucketCreated = chain.emitted().get(3).position();

        List<Position> history = positions(history(EntityKind.BUCKET, bucket(1).hex(), HistoryOrder.ASC,
                PageRequest.first(100)).items());
        List<Position> filtered = positions(all(filter("bucket", "1")));

        assertThat(history).containsExactly(bucketCreated, lifecycle.get(0).position(), lifecycle.get(1).position());
        assertThat(filtered).containsExactly(bucketCreated, lifecycle.get(0).position(), lifecycle.get(1).position(),
                lifecycle.get(2).position(), lifecycle.get(3).position());
    }

    @Test
    void changes_inPositionOrder_afterAPosition_uptoTheLimit() {
        givenFileLifecycle();
        List<Position> every = chain.emitted().stream().map(Envelope::position).toList();

        assertThat(positions(all(ChangeFilter.NONE))).containsExactlyElementsOf(every);
        assertThat(positions(queries().changes(CHAIN, ChangeFilter.NONE, every.get(2), 3)))
                .containsExactlyElementsOf(every.subList(3, 6));
        assertThat(queries().changes(CHAIN, ChangeFilter.NONE, every.get(every.size() - 1), 10)).isEmpty();
        assertThat(queries().changes("other-chain", ChangeFilter.NONE, Position.ORIGIN, 10)).isEmpty();
        assertThatThrownBy(() -> queries().changes(CHAIN, ChangeFilter.NONE, Position.ORIGIN, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changes_filters_byEntityIds_accounts_andTogether() {
        givenFileLifecycle();
        List<Envelope> e = chain.emitted();

        assertThat(positions(all(filter("msp", "1")))).containsExactly(e.get(0).position(), e.get(3).position(),
                lifecycle.get(1).position());
        assertThat(positions(all(filter("bsp", "2")))).containsExactly(e.get(1).position(),
                lifecycle.get(2).position());
        assertThat(positions(all(filter("file", "1")))).containsExactlyElementsOf(
                lifecycle.stream().map(Envelope::position).toList());
        assertThat(positions(all(filter("account", "1")))).containsExactly(e.get(3).position(),
                lifecycle.get(0).position(), lifecycle.get(1).position(), lifecycle.get(2).position(),
                lifecycle.get(3).position());
        assertThat(all(filter("account", "2"))).isEmpty();
        ChangeFilter bucketAndBsp = new ChangeFilter(Optional.of(bucket(1)), Optional.empty(), Optional.empty(),
                Optional.of(provider(2)), Optional.empty());
        assertThat(positions(all(bucketAndBsp))).containsExactly(lifecycle.get(2).position());
        assertThat(positions(queries().changes(CHAIN, filter("file", "1"), lifecycle.get(0).position(), 2)))
                .containsExactly(lifecycle.get(1).position(), lifecycle.get(2).position());
    }

    @Test
    void duplicates_rejects_andNotProjectedEvents_areNotChanges() {
        givenFileLifecycle();
        List<ChangeView> before = all(ChangeFilter.NONE);

        assertThat(apply(lifecycle.toArray(Envelope[]::new)).outcomes()).extracting(o -> o.kind())
                .containsOnly(Kind.SKIPPED_DUPLICATE);
        assertRejected(apply(chain.mspAccepted(9)), RejectReason.UNKNOWN_ENTITY);
        assertThat(apply(chain.notProjected()).outcomes()).extracting(o -> o.kind())
                .containsExactly(Kind.SKIPPED_NOT_PROJECTED);

        assertThat(all(ChangeFilter.NONE)).isEqualTo(before);
    }

    @Test
    void paymentStream_changes_areFoundByItsUser_andADeletionListsTheStreamWithNoField() {
        givenProvidersAndBucket();
        Envelope created = chain.next(new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(7), provider(1),
                Balance.of(5)));
        Envelope charged = chain.next(new PaymentStreamsEvent.PaymentStreamCharged(account(7), provider(1),
                Balance.of(3), 42));
        Envelope deleted = chain.next(new PaymentStreamsEvent.FixedRatePaymentStreamDeleted(account(7),
                provider(1)));
        assertAllApplied(apply(created, charged, deleted));
        String id = account(7).hex() + ":" + provider(1).hex();

        List<ChangeView> changes = all(filter("account", "7"));

        assertThat(positions(changes)).containsExactly(created.position(), charged.position(), deleted.position());
        assertThat(changes).extracting(c -> c.entities()).containsExactly(
                List.of(new ChangedEntity(EntityKind.PAYMENT_STREAM, id, EntityFields.PAYMENT_STREAM)),
                List.of(new ChangedEntity(EntityKind.PAYMENT_STREAM, id,
                        List.of("totalCharged", "lastTickCharged", "updatedAt"))),
                List.of(new ChangedEntity(EntityKind.PAYMENT_STREAM, id, List.of())));
        assertThat(changes.get(2).name()).isEqualTo("FixedRatePaymentStreamDeleted");
        assertThat(changes.get(2).pallet()).isEqualTo("PaymentStreams");
    }

    @Test
    void mspSignUp_createsTheMspAndItsValueProposition() {
        Envelope signUp = chain.mspSignUp(1, 4);
        assertAllApplied(apply(signUp));

        ChangeView change = history(EntityKind.MSP, provider(1).hex(), HistoryOrder.DESC, PageRequest.first(10))
                .items().get(0);

        assertThat(change.entities()).containsExactly(
                new ChangedEntity(EntityKind.MSP, provider(1).hex(), EntityFields.MSP),
                new ChangedEntity(EntityKind.VALUE_PROP,
                        provider(1).hex() + ":" + io.storagehub.testkit.chain.ChainScript.valueProp(4).hex(),
                        EntityFields.VALUE_PROP));
    }

    @Test
    void aBucketMove_changesTheBucketAndBothMsps_notItsFiles() {
        givenAcceptedFile();
        assertAllApplied(apply(chain.mspSignUp(5, 1)));
        Envelope move = chain.next(new FileSystemEvent.MoveBucketAccepted(bucket(1), provider(1), provider(5),
                io.storagehub.testkit.chain.ChainScript.valueProp(1)));
        assertAllApplied(apply(move));

        ChangeView change = all(ChangeFilter.NONE).get(all(ChangeFilter.NONE).size() - 1);

        assertThat(change.position()).isEqualTo(move.position());
        assertThat(change.entities()).containsExactly(
                new ChangedEntity(EntityKind.MSP, provider(1).hex(), List.of("usedCapacity", "bucketCount",
                        "updatedAt")),
                new ChangedEntity(EntityKind.MSP, provider(5).hex(), List.of("usedCapacity", "bucketCount",
                        "updatedAt")),
                new ChangedEntity(EntityKind.BUCKET, bucket(1).hex(), List.of("mspId", "updatedAt")));
        assertThat(positions(all(filter("bucket", "1")))).endsWith(move.position());
    }
}
