package io.storagehub.indexer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLinesPublisherTest {

    @Test
    void chainOf_readsTheTopLevelChain_orNull() {
        assertThat(JsonLinesPublisher.chainOf("{\"v\":1,\"chain\":\"alpha\",\"data\":{\"chain\":\"x\"}}"))
                .isEqualTo("alpha");
        assertThat(JsonLinesPublisher.chainOf("{\"chain\":7}")).isNull();
        assertThat(JsonLinesPublisher.chainOf("not json")).isNull();
        assertThat(JsonLinesPublisher.chainOf("[1,2]")).isNull();
    }
}
