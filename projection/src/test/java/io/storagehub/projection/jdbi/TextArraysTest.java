package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextArraysTest {

    @Test
    void literal_quotesEveryElement_andEscapesBackslashesAndQuotes() {
        assertThat(TextArrays.literal(List.of())).isEqualTo("{}");
        assertThat(TextArrays.literal(List.of("a", "b c"))).isEqualTo("{\"a\",\"b c\"}");
        assertThat(TextArrays.literal(List.of("say \"hi\"", "c:\\dir", "{,}", "NULL")))
                .isEqualTo("{\"say \\\"hi\\\"\",\"c:\\\\dir\",\"{,}\",\"NULL\"}");
    }
}
