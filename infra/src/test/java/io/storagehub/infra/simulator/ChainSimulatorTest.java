package io.storagehub.infra.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.schema.codec.DecodeException;
import io.storagehub.schema.codec.EventDecoder;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSimulatorTest {
    private static final String CHAIN = "simnet";

    @TempDir
    Path dir;

    @Test
    void backfill_writesTheGeneratorsEvents_asContractJsonLines() throws Exception {
        // given
        Path out = dir.resolve("chain.jsonl");
        // when
        try (ChainSimulator simulator = ChainSimulator.open(CHAIN, OptionalLong.of(7), Optional.empty(),
                new JsonLinesSink(out))) {
            simulator.backfill(500);
            assertThat(simulator.publishedThisRun()).isEqualTo(500);
        }
        // then
        assertThat(lines(out)).containsExactlyElementsOf(wire(ChainGenerator.of(CHAIN, 7).take(500)));
    }

    @Test
    void open_withAStateFile_resumesAfterThePublishedEvents_withTheStoredSeed() throws Exception {
        // given
        Path out = dir.resolve("chain.jsonl");
        Path state = dir.resolve("simulator.properties");
        try (ChainSimulator first = ChainSimulator.open(CHAIN, OptionalLong.of(11), Optional.of(state),
                new JsonLinesSink(out))) {
            first.backfill(333);
        }
        // when
        try (ChainSimulator second = ChainSimulator.open(CHAIN, OptionalLong.empty(), Optional.of(state),
                new JsonLinesSink(out))) {
            second.backfill(167);
            assertThat(second.publishedThisRun()).isEqualTo(167);
            assertThat(second.state()).isEqualTo(new SimulatorState(CHAIN, 11, 500));
        }
        // then
        assertThat(lines(out)).containsExactlyElementsOf(wire(ChainGenerator.of(CHAIN, 11).take(500)));
        assertThat(SimulatorState.load(state)).contains(new SimulatorState(CHAIN, 11, 500));
    }

    @Test
    void open_refusesAnotherSeed_thanTheStoredOne() {
        // given
        Path state = dir.resolve("simulator.properties");
        new SimulatorState(CHAIN, 11, 40).store(state);
        // when / then
        assertThatThrownBy(() -> ChainSimulator.open(CHAIN, OptionalLong.of(12), Optional.of(state),
                new CollectingSink(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed 11");
    }

    @Test
    void live_publishesWholeBlocksInChainOrder_untilClosed() throws Exception {
        // given
        CollectingSink sink = new CollectingSink(200);
        ChainSimulator simulator = ChainSimulator.open(CHAIN, OptionalLong.of(3), Optional.empty(), sink);
        // when
        simulator.startLive(5_000);
        boolean reached = sink.reached.await(30, TimeUnit.SECONDS);
        simulator.close();
        // then
        assertThat(reached).isTrue();
        assertThat(sink.closed).isTrue();
        List<Envelope> events = sink.events();
        assertThat(events).containsExactlyElementsOf(ChainGenerator.of(CHAIN, 3).take(events.size()));
        for (List<Envelope> send : sink.sends) {
            assertThat(send).extracting(e -> e.block().number()).containsOnly(send.get(0).block().number());
        }
        assertThat(sink.sends).extracting(s -> s.get(0).index()).containsOnly(0L);
        assertThat(simulator.state().emitted()).isEqualTo(events.size());
    }

    /** The file's lines, each checked to decode under the contract. */
    private static List<String> lines(Path file) throws IOException, DecodeException {
        EventDecoder decoder = new EventDecoder();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            decoder.decode(CHAIN, line.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static List<String> wire(List<Envelope> events) {
        EventEncoder encoder = new EventEncoder();
        return events.stream().map(encoder::toJson).toList();
    }
}
