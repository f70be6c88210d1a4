package io.storagehub.projection.contract;

import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.Outcome.Kind;
import io.storagehub.projection.Outcome.RejectReason;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.SourceOffset;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idempotency by position, conflicting duplicates, skips, rejects inside batches and the source checkpoint. */
public abstract class IdempotencyContract extends FileLifecycleContract {

    @Test
    void apply_isNoOp_whenTheSameEventArrivesTwice() {
        Envelope signUp = chain.mspSignUp(1, 1);
        Envelope slash = chain.next(new ProvidersEvent.Slashed(provider(1), Balance.of(5)));
        apply(signUp, slash);
        ReadModelSnapshot before = snapshot();

        BatchResult again = apply(slash);

        assertThat(again.outcomes()).extracting(Outcome::kind).containsExactly(Kind.SKIPPED_DUPLICATE);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(msp(1).msp().slashedTotal()).isEqualTo(Balance.of(5));
    }

    @Test
    void apply_isNoOp_whenTheSameBatchArrivesTwice() {
        givenAcceptedFile();
        List<Envelope> batch = List.of(chain.bspConfirmed(2, 1), chain.fulfilled(1), chain.notProjected());
        apply(batch.toArray(Envelope[]::new));
        ReadModelSnapshot before = snapshot();

        BatchResult again = apply(batch.toArray(Envelope[]::new));

        assertThat(again.outcomes()).extracting(Outcome::kind).containsOnly(Kind.SKIPPED_DUPLICATE);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void apply_appliesOnlyTheNewPart_ofABatchOverlappingTheCheckpoint() {
        Envelope a = chain.mspSignUp(1, 1);
        Envelope b = chain.next(new ProvidersEvent.Slashed(provider(1), Balance.of(5)));
        apply(a, b);
        Envelope c = chain.next(new ProvidersEvent.Slashed(provider(1), Balance.of(7)));

        BatchResult result = apply(a, b, c);

        assertThat(result.outcomes()).extracting(Outcome::kind)
                .containsExactly(Kind.SKIPPED_DUPLICATE, Kind.SKIPPED_DUPLICATE, Kind.APPLIED);
        assertThat(msp(1).msp().slashedTotal()).isEqualTo(Balance.of(12));
        assertThat(adapter.projection().chainPositions()).containsEntry(CHAIN, pos(1, 2));
    }

    @Test
    void apply_rejectsADifferentEventAtAnAppliedPosition() {
        Envelope signUp = chain.mspSignUp(1, 1);
        apply(signUp, chain.next(new ProvidersEvent.Slashed(provider(1), Balance.of(5))));
        Envelope forged = new Envelope(CHAIN, signUp.block(), 1,
                new ProvidersEvent.Slashed(provider(1), Balance.of(500)));

        BatchResult result = apply(forged);

        assertRejected(result, RejectReason.CONFLICTING_DUPLICATE);
        assertThat(msp(1).msp().slashedTotal()).isEqualTo(Balance.of(5));
    }

    @Test
    void redeliveredPoison_isASilentDuplicate() {
        Envelope poison = chain.next(new ProvidersEvent.Slashed(provider(9), Balance.of(5)));
        assertRejected(apply(poison), RejectReason.UNKNOWN_ENTITY);

        assertThat(apply(poison).outcomes()).extracting(Outcome::kind).containsExactly(Kind.SKIPPED_DUPLICATE);
    }

    @Test
    void notProjectedEvents_areSkipped_andAdvanceThePosition() {
        BatchResult result = apply(chain.notProjected(), chain.notProjected());

        assertThat(result.outcomes()).extracting(Outcome::kind)
                .containsExactly(Kind.SKIPPED_NOT_PROJECTED, Kind.SKIPPED_NOT_PROJECTED);
        assertThat(queries().chain(CHAIN)).hasValueSatisfying(c -> assertThat(c.lastIndexedBlock()).isEqualTo(1));
    }

    @Test
    void aRejectedEvent_doesNotAbortTheRestOfTheBatch() {
        BatchResult result = apply(chain.mspSignUp(1, 1), chain.bspConfirmed(2, 1), chain.bspSignUp(2));

        assertThat(result.outcomes()).extracting(Outcome::kind)
                .containsExactly(Kind.APPLIED, Kind.REJECTED, Kind.APPLIED);
        assertThat(result.rejected()).singleElement()
                .satisfies(o -> assertThat(o.detail()).contains("unknown BSP"));
        assertThat(queries().bsp(CHAIN, provider(2))).isPresent();
    }

    @Test
    void checkpoint_isStoredWithTheBatch_andOnlyMovesForward() {
        apply(List.of(chain.mspSignUp(1, 1)), new SourceOffset("events", 3, 10));
        apply(List.of(chain.bspSignUp(2)), new SourceOffset("events", 3, 4));

        assertThat(adapter.projection().checkpoint("events", 3)).contains(new SourceOffset("events", 3, 10));
        assertThat(adapter.projection().checkpoint("events", 4)).isEmpty();
        assertThat(queries().bsp(CHAIN, provider(2))).isPresent();
    }

    @Test
    void chains_areProjectedIndependently() {
        io.storagehub.testkit.chain.ChainScript other = io.storagehub.testkit.chain.ChainScript.on("other-chain");

        apply(chain.mspSignUp(1, 1), other.mspSignUp(1, 1), other.next(new ProvidersEvent.Slashed(provider(1),
                Balance.of(3))));

        assertThat(msp(1).msp().slashedTotal()).isEqualTo(Balance.ZERO);
        assertThat(queries().msp("other-chain", provider(1)).orElseThrow().msp().slashedTotal())
                .isEqualTo(Balance.of(3));
        assertThat(queries().chains()).extracting(c -> c.chain()).containsExactly("other-chain", CHAIN);
    }
}
