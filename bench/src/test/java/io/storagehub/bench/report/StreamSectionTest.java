package io.storagehub.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.bench.stream.StreamResult;
import org.junit.jupiter.api.Test;

class StreamSectionTest {

    private static StreamResult result(long backlogEvents, double backlogSeconds, double p99) {
        StreamResult.Group group = new StreamResult.Group(1_000, 10, p99);
        return new StreamResult(1_000, 1_000, 60, backlogEvents, backlogSeconds, 12.5, true, 1_000, 900, 10, 1_010,
                2_000, 2_000, 0, 0, 0, 0, 0, 10, 50, p99, p99 + 5, 12, 60_000, group, group);
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
