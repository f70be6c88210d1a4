package io.storagehub.infra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainSourceTest {

    @Test
    void nextBlock_returnsOneBlockAtATime_inChainOrder() {
        // given
        ChainSource source = new ChainSource(ChainGenerator.of("blocks", 5), 0);
        List<Envelope> expected = ChainGenerator.of("blocks", 5).take(300);
        // when
        List<Envelope> seen = new ArrayList<>();
        List<Long> blocks = new ArrayList<>();
        while (seen.size() < 300) {
            List<Envelope> block = source.nextBlock(1_000);
            blocks.add(block.get(0).block().number());
            assertThat(block).extracting(e -> e.block().number()).containsOnly(block.get(0).block().number());
            assertThat(block.get(0).index()).isZero();
            seen.addAll(block);
        }
        // then
        assertThat(seen.subList(0, 300)).containsExactlyElementsOf(expected);
        assertThat(blocks).isSorted().doesNotHaveDuplicates();
        assertThat(source.position()).isEqualTo(seen.size());
    }

    @Test
    void nextBlock_splitsABlockLongerThanMax_andContinuesIt() {
        // given: the first block of the chain with at least three events
        List<Envelope> chain = ChainGenerator.of("blocks", 5).take(200);
        int start = 0;
        while (!(chain.get(start).index() == 0 && chain.get(start + 2).index() == 2)) {
            start++;
        }
        long block = chain.get(start).block().number();
        ChainSource source = new ChainSource(ChainGenerator.of("blocks", 5), start);
        // when
        List<Envelope> first = source.nextBlock(1);
        List<Envelope> rest = source.nextBlock(1_000);
        List<Envelope> after = source.nextBlock(1_000);
        // then
        assertThat(first).containsExactly(chain.get(start));
        assertThat(rest).hasSizeGreaterThanOrEqualTo(2).startsWith(chain.get(start + 1));
        assertThat(rest).extracting(e -> e.block().number()).containsOnly(block);
        assertThat(after.get(0).block().number()).isEqualTo(block + 1);
        assertThat(after.get(0).index()).isZero();
    }

    @Test
    void skip_fastForwardsPastEventsAlreadyPublished() {
        // given
        List<Envelope> chain = ChainGenerator.of("blocks", 9).take(120);
        // when
        ChainSource source = new ChainSource(ChainGenerator.of("blocks", 9), 100);
        List<Envelope> next = new ArrayList<>();
        while (next.size() < 20) {
            next.addAll(source.nextBlock(20 - next.size()));
        }
        // then
        assertThat(next).containsExactlyElementsOf(chain.subList(100, 120));
        assertThat(source.position()).isEqualTo(120);
    }
}
