package io.storagehub.projection.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.BatchResult;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.Outcome.Kind;
import io.storagehub.projection.Outcome.RejectReason;
import io.storagehub.projection.Projection;
import io.storagehub.projection.ReadModelExport;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.SourceOffset;
import io.storagehub.projection.StorageQueries;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.testkit.chain.ChainScript;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every projection adapter must have. Each adapter's test class extends the topic classes
 * (events, idempotency, queries) through this base and supplies only a fresh, empty adapter per test.
 */
public abstract class ProjectionContract {
    // Topic suites extend this in a chain: EventEffectsContract <- IdempotencyContract <- QueryContract.

    /** A fresh, empty read model behind both ports. */
    public record Adapter(Projection projection, StorageQueries queries, ReadModelExport export,
                          AutoCloseable resources) {
    }

    protected static final String CHAIN = "test-chain";

    protected Adapter adapter;
    protected ChainScript chain;

    protected abstract Adapter newAdapter() throws Exception;

    @BeforeEach
    void setUpAdapter() throws Exception {
        adapter = newAdapter();
        chain = ChainScript.on(CHAIN);
    }

    @AfterEach
    void closeAdapter() throws Exception {
        adapter.resources().close();
    }

    protected BatchResult apply(Envelope... events) {
        return adapter.projection().apply(Batch.of(Arrays.asList(events)));
    }

    protected BatchResult apply(List<Envelope> events, SourceOffset checkpoint) {
        return adapter.projection().apply(new Batch(events, Optional.of(checkpoint)));
    }

    protected ReadModelSnapshot snapshot() {
        return adapter.export().snapshot(CHAIN);
    }

    protected StorageQueries queries() {
        return adapter.queries();
    }

    protected static void assertAllApplied(BatchResult result) {
        assertThat(result.outcomes())
                .allSatisfy(o -> assertThat(o.kind()).as("%s -> %s", o.event(), o.detail()).isEqualTo(Kind.APPLIED));
    }

    protected static void assertRejected(BatchResult result, RejectReason reason) {
        assertThat(result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.REJECTED);
            assertThat(o.reason()).isEqualTo(reason);
            assertThat(o.detail()).isNotBlank();
        });
    }

    protected void assertCountersMatchRecount() {
        assertThat(Recount.mismatches(snapshot())).isEmpty();
    }

    /** MSP 1 (value prop 1), BSPs 2 and 3, bucket 1 of account 1 on MSP 1. */
    protected void givenProvidersAndBucket() {
        assertAllApplied(apply(chain.mspSignUp(1, 1), chain.bspSignUp(2), chain.bspSignUp(3),
                chain.newBucket(1, 1, 1, 1)));
        chain.nextBlock();
    }

    /** {@link #givenProvidersAndBucket()} plus file 1 (100 bytes at docs/a.txt) accepted by the MSP. */
    protected void givenAcceptedFile() {
        givenProvidersAndBucket();
        assertAllApplied(apply(chain.newStorageRequest(1, 1, 1, "docs/a.txt", 100), chain.mspAccepted(1)));
        chain.nextBlock();
    }

    protected static Position pos(long block, long index) {
        return new Position(block, index);
    }
}
