package io.storagehub.indexer.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void human_usesBinaryUnitsWithOneDecimal() {
        assertThat(Bytes.human(0)).isEqualTo("0 B");
        assertThat(Bytes.human(1023)).isEqualTo("1023 B");
        assertThat(Bytes.human(1024)).isEqualTo("1.0 KiB");
        assertThat(Bytes.human(1536)).isEqualTo("1.5 KiB");
        assertThat(Bytes.human(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    }
}
