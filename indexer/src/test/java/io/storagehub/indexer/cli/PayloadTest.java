package io.storagehub.indexer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    private static Payload of(String text) {
        return Payload.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonObject_isPrettyPrinted() {
        Payload payload = of("{\"v\":1,\"data\":{\"amount\":12345678901234567890.5}}");
        assertThat(payload.format()).isEqualTo("json");
        assertThat(payload.render()).contains("\"v\" : 1", "\n", "12345678901234567890.5");
    }

    @Test
    void almostJson_isShownAsText() {
        assertThat(of("{\"v\":1} trailing").format()).isEqualTo("text");
        assertThat(of("{\"v\":1,\"v\":2}").format()).isEqualTo("text");
        assertThat(of("{\"v\":1,").format()).isEqualTo("text");
        assertThat(of("42").format()).isEqualTo("text");
    }

    @Test
    void text_isEscapedOntoOneLine() {
        Payload payload = of("a\nb\t\\c\u0000é");
        assertThat(payload.format()).isEqualTo("text");
        assertThat(payload.render()).isEqualTo("a\\nb\\t\\\\c\\u0000é");
    }

    @Test
    void bytesThatAreNotUtf8_areBase64() {
        Payload payload = Payload.of(new byte[] {(byte) 0xff, 0x00});
        assertThat(payload.format()).isEqualTo("base64");
        assertThat(payload.bytes()).isEqualTo(2);
        assertThat(payload.render()).isEqualTo("/wA=");
    }

    @Test
    void null_isNone() {
        assertThat(Payload.of(null).format()).isEqualTo("none");
        assertThat(Payload.of(null).render()).isEqualTo("(none)");
    }
}
