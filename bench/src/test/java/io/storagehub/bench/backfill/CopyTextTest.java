package io.storagehub.bench.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void rows_escapeControlCharacters_nullsArraysAndBytea() {
        // given
        CopyText text = new CopyText();

        // when
        text.text("a\tb\\c\nd").text(null).array(List.of("x\"y", "z\\")).bytea(new byte[] {1, (byte) 0xff})
                .bool(true).value(42).endRow();

        // then
        assertThat(new String(text.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("a\\tb\\\\c\\nd\t\\N\t{\"x\\\\\"y\",\"z\\\\\\\\\"}\t\\\\x01ff\tt\t42\n");
        assertThat(text.rows()).isEqualTo(1);
    }
}
