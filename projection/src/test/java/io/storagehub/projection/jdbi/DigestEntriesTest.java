package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestEntriesTest {

    @Test
    void pack_thenUnpack_keepsEveryIndexAndDigest_includingTheU32Extremes() {
        List<DigestEntries.Entry> entries = List.of(new DigestEntries.Entry(0, Long.MIN_VALUE),
                new DigestEntries.Entry(7, -1L), new DigestEntries.Entry(0xFFFF_FFFFL, Long.MAX_VALUE));

        byte[] packed = DigestEntries.pack(entries);

        assertThat(packed).hasSize(3 * DigestEntries.ENTRY_BYTES);
        assertThat(DigestEntries.unpack(packed))
                .containsExactlyInAnyOrderEntriesOf(Map.of(0L, Long.MIN_VALUE, 7L, -1L, 0xFFFF_FFFFL, Long.MAX_VALUE));
    }

    @Test
    void concatenatedPackings_unpackAsOne() {
        byte[] first = DigestEntries.pack(List.of(new DigestEntries.Entry(1, 11)));
        byte[] second = DigestEntries.pack(List.of(new DigestEntries.Entry(2, 22)));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        assertThat(DigestEntries.unpack(both)).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 11L, 2L, 22L));
    }

    @Test
    void packHex_isLowercaseHexOfThePacking() {
        assertThat(DigestEntries.packHex(List.of(new DigestEntries.Entry(1, 255))))
                .isEqualTo("00000001" + "00000000000000ff");
    }

    @Test
    void entry_rejectsAnIndexOutsideU32() {
        assertThatThrownBy(() -> new DigestEntries.Entry(1L << 32, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigestEntries.Entry(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unpack_rejectsATruncatedPacking() {
        assertThatThrownBy(() -> DigestEntries.unpack(new byte[13])).isInstanceOf(IllegalStateException.class);
    }
}
