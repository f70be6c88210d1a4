package io.storagehub.projection.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.contract.GeneratedChains;
import io.storagehub.projection.contract.Recount;
import io.storagehub.testkit.chain.ChainGenerator;
import org.junit.jupiter.api.Test;

/** A long generated chain through the in-memory adapter: every outcome as expected, every counter recounts. */
class InMemoryGeneratedChainTest {

    @Test
    void generatedChain_appliesAsTheGeneratorExpects_andCountersRecount() {
        ChainGenerator.Config config = ChainGenerator.Config.defaults("gen-chain", 7).withLiveFilesTarget(3_000);
        GeneratedChains.Expected expected = GeneratedChains.generate(config, 30_000);
        InMemoryStore store = new InMemoryStore();

        GeneratedChains.applyInRandomBatches(expected, 11, 500, new InMemoryProjection(store));

        ReadModelSnapshot snapshot = new InMemoryQueries(store).snapshot("gen-chain");
        assertThat(snapshot.files()).hasSizeGreaterThan(1_000);
        assertThat(snapshot.files()).anySatisfy(f -> assertThat(f.bsps()).isNotEmpty());
        assertThat(Recount.mismatches(snapshot)).isEmpty();
    }
}
