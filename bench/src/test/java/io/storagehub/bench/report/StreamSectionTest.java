package io.storagehub.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.bench.stream.StreamResult;
import org.junit.jupiter.api.Test;

class StreamSectionTest {

    private static StreamResult result(long backlogEvents, double backlogSeconds, double p99) {
        return result(backlogEvents, backlogSeconds, p99, 12.5, true, true);
    }

    private static StreamResult result(long backlogEvents, double backlogSeconds, double p99, double warmupSeconds,
                                       boolean caughtUp, boolean deliveriesTimely) {
        StreamResult.Group group = new StreamResult.Group(1_000, 10, p99);
        return new StreamResult(1_000, 1_000, 60, backlogEvents, backlogSeconds, warmupSeconds, caughtUp,
                deliveriesTimely, 1_000, 900, 10, 1_010, 2_000, 2_000, 0, 0, 0, 0, 0, 10, 50, p99, p99 + 5, 12,
                60_000, group, group);
    }

    @Test
    void render_statesTheWarmUpRule_indexerKeepingUpAndDeliveriesTimely() {
        String md = StreamSection.render(result(0, 0, 120));

        assertThat(md).contains("60 s measured after a warm-up of 12.5 s (the indexer and the API start cold: "
                + "at least 10 s, and until both the indexer keeps up, every block sent 0.5 s earlier having "
                + "committed, and deliveries are timely: over the last second every change delivered to a sample "
                + "of the subscribers (the 10 following every change and every 50th following one bucket) arrived "
                + "within 250 ms of its commit, and at least one did; at most 60 s). Afterwards");
        assertThat(md).doesNotContain("**");
    }

    @Test
    void render_saysDeliveriesWereNotYetTimely_whenTheWarmUpReachedItsBoundOnThem() {
        String md = StreamSection.render(result(0, 0, 120, 60.0, true, false));

        assertThat(md).contains("at most 60 s; **the window opened at 60 s, when the deliveries were not yet "
                + "timely**). Afterwards");
    }

    @Test
    void render_saysTheIndexerWasNotKeepingUp_whenTheWarmUpReachedItsBoundOnIt() {
        String md = StreamSection.render(result(0, 0, 120, 60.0, false, true));

        assertThat(md).contains("at most 60 s; **the window opened at 60 s, when the indexer was not keeping up "
                + "with the feed**). Afterwards");
    }

    @Test
    void render_namesBothConditions_whenNeitherWasMetAtTheBound() {
        String md = StreamSection.render(result(0, 0, 120, 60.0, false, false));

        assertThat(md).contains("**the window opened at 60 s, when the indexer was not keeping up with the feed "
                + "and the deliveries were not yet timely**");
    }

    @Test
    void render_saysWhatBacklogWasAppliedBeforeTheFeed() {
        String md = StreamSection.render(result(110_532, 41.25, 120));

        assertThat(md).contains("Before the feed starts the indexer applies the 110,532 records the previous phases "
                + "left in the topic (41.3 s), so the feed and its warm-up start from no backlog.");
    }

    @Test
    void render_saysNothingOfABacklog_whenThereWasNone() {
        assertThat(StreamSection.render(result(0, 0.1, 120))).doesNotContain("Before the feed starts");
    }

    @Test
    void goal_isMetAtAP99Within250ms_andMissedAbove() {
        assertThat(StreamSection.goals(result(0, 0, 249)).get(0).met()).isTrue();
        assertThat(StreamSection.goals(result(0, 0, 251)).get(0).met()).isFalse();
    }
}
