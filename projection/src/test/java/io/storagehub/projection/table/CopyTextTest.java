package io.storagehub.projection.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.state.FileBspRow;
import io.storagehub.schema.event.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    void values_areWrittenByTheirText() {
        CopyText copy = new CopyText();
        copy.value(42).value(null).value(java.math.BigInteger.TEN.pow(30)).endRow();
        assertThat(text(copy)).isEqualTo("42\t\\N\t1000000000000000000000000000000\n");
    }
}
