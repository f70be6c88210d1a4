package io.storagehub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void asciiCheck_findsAHighByteAtEveryPosition_ofEveryLength() {
        for (int length = 0; length <= 33; length++) {
            // given
            byte[] ascii = new byte[length];
            Arrays.fill(ascii, (byte) 0x7F);
            // then
            assertThat(Utf8.isAscii(ascii)).as("length %d", length).isTrue();
            for (int at = 0; at < length; at++) {
                byte[] high = ascii.clone();
                high[at] = (byte) 0x80;
                assertThat(Utf8.isAscii(high)).as("length %d, byte %d", length, at).isFalse();
            }
        }
    }
}
