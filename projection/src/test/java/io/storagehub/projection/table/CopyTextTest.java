package io.storagehub.projection.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.state.FileBspRow;
import io.storagehub.schema.event.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String text(CopyText copy) {
        return new String(copy.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void fields_areTabSeparated_nullsAreBackslashN_specialCharactersEscaped() {
        CopyText copy = new CopyText(8);
        copy.text("a\tb\nc\rd\\e€").text(null).int64(-5).bool(true).bool(false).endRow();
        assertThat(text(copy)).isEqualTo("a\\tb\\nc\\rd\\\\e€\t\\N\t-5\tt\tf\n");
        assertThat(copy.rows()).isEqualTo(1);
    }

    @Test
    void text_thatTurnsNonAsciiAfterEscapes_isWrittenOnceAsUtf8() {
        CopyText copy = new CopyText(4);
        copy.text("x").text("a\tb\\c\u00e9\nd\u4e2d").text("e").endRow();
        assertThat(text(copy)).isEqualTo("x\ta\\tb\\\\c\u00e9\\nd\u4e2d\te\n");
    }

    @Test
    void int64Arrays_writeThePrefixAsked_andNullValuesAreBackslashN() {
        CopyText copy = new CopyText(2);
        copy.int64s(new long[] {7, -12, Long.MIN_VALUE, 99}, 3).nullValue().int64s(new long[] {5}, 1).endRow();
        assertThat(text(copy)).isEqualTo("{7,-12,-9223372036854775808}\t\\N\t{5}\n");
    }

    @Test
    void arrays_quoteEveryElement_andEscapeForBothLayers() {
        CopyText copy = new CopyText();
        copy.array(List.of("x", "q\"", "b\\")).array(List.of()).endRow();
        // array literal {"x","q\"","b\\"}, whose backslashes COPY's text format doubles
        assertThat(text(copy)).isEqualTo("{\"x\",\"q\\\\\"\",\"b\\\\\\\\\"}\t{}\n");
    }

    @Test
    void bytea_isHexWithAnEscapedBackslash() {
        CopyText copy = new CopyText();
        copy.bytea(new byte[] {1, (byte) 0xAB}).bytea(null).endRow();
        assertThat(text(copy)).isEqualTo("\\\\x01ab\t\\N\n");
    }

    @Test
    void byteaHex_writesWhatByteaWritesForTheSameBytes_andRefusesANonHexDigit() {
        CopyText fromHex = new CopyText();
        fromHex.byteaHex("01ab").endRow();
        CopyText fromBytes = new CopyText();
        fromBytes.bytea(new byte[] {1, (byte) 0xAB}).endRow();
        assertThat(text(fromHex)).isEqualTo(text(fromBytes));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CopyText().byteaHex("0x01"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapedFields_areWrittenAsTextWouldWriteThem() {
        byte[] chain = CopyText.escaped("a\tb");
        CopyText copy = new CopyText();
        copy.field(chain).int64(1).field(chain).endRow();
        CopyText plain = new CopyText();
        plain.text("a\tb").int64(1).text("a\tb").endRow();
        assertThat(text(copy)).isEqualTo(text(plain));
    }

    @Test
    void aDescribedRow_writesEveryColumn_positionsAsTwo() {
        CopyText copy = new CopyText();
        copy.row(Tables.FILE_BSP, new FileBspRow("c", "0xb", "0xf", 9, new Position(3, 4)));
        assertThat(text(copy)).isEqualTo("c\t0xb\t0xf\t9\t3\t4\n");
    }

    @Test
    void clear_keepsCountingRows_andStartsAFreshField() {
        CopyText copy = new CopyText();
        copy.text("a").endRow();
        copy.clear();
        copy.text("b").text("c").endRow();
        assertThat(text(copy)).isEqualTo("b\tc\n");
        assertThat(copy.rows()).isEqualTo(2);
    }

    @Test
    void text_isItsUtf8Bytes_escapedByteByByte_forAnyString() {
        Random random = new Random(7);
        char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '\t', '\n', '\r', '\u0001', '\u007f', '\u0080', '\u00e9',
            '\u07ff', '\u0800', '\u4e2d', '\uffff', '\ud83d', '\ude00', '\udbff', '\udfff'};
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(chars);

            CopyText copy = new CopyText(4);
            copy.text(value);

            assertThat(copy.bytes()).as("%s", value.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(escapedUtf8(value));
        }
    }

    @Test
    void int64_writesEveryLongAsLongToStringDoes() {
        long[] values = {0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, -987_654_321_012L, Long.MAX_VALUE,
            Long.MIN_VALUE, Long.MIN_VALUE + 1, 1L << 53};
        CopyText copy = new CopyText(4);
        StringBuilder expected = new StringBuilder();
        for (long value : values) {
            copy.int64(value);
            expected.append(expected.length() == 0 ? "" : "\t").append(value);
        }

        assertThat(text(copy)).isEqualTo(expected.toString());
    }

    /** The reference: the string's UTF-8 bytes, each of backslash, tab, newline and carriage return escaped. */
    private static byte[] escapedUtf8(String value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            switch (b) {
                case '\\' -> out.writeBytes(new byte[] {'\\', '\\'});
                case '\t' -> out.writeBytes(new byte[] {'\\', 't'});
                case '\n' -> out.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> out.writeBytes(new byte[] {'\\', 'r'});
                default -> out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Test
    void values_areWrittenByTheirText() {
        CopyText copy = new CopyText();
        copy.value(42).value(null).value(java.math.BigInteger.TEN.pow(30)).endRow();
        assertThat(text(copy)).isEqualTo("42\t\\N\t1000000000000000000000000000000\n");
    }
}
