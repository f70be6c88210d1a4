package io.storagehub.projection.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCodecTest {

    /** Sample values of each type; {@code variant} picks edge cases (nulls, non-ASCII, u128, big positions). */
    private static Object sample(ColumnType type, boolean key, int variant) {
        return switch (type) {
            case TEXT -> key ? "k" + variant : variant == 1 ? null : variant == 2 ? "ünï\tcode\\\n€" : "0xab" + variant;
            case NUMERIC -> variant == 1 ? BigInteger.ZERO
                    : variant == 2 ? BigInteger.TWO.pow(128).subtract(BigInteger.ONE) : BigInteger.valueOf(12345);
            case INT64 -> variant == 2 ? Long.MAX_VALUE : (long) variant * 1000;
            case BOOL -> variant % 2 == 0;
            case TEXT_ARRAY -> variant == 1 ? List.of() : List.of("/ip4/1.2.3.4", "q\"uote", "b\\slash");
            case POSITION -> variant == 2 ? new Position(0xFFFF_FFFFL, 0xFFFF_FFFFL) : new Position(7, variant);
        };
    }

    private static <R> Object[] values(Table<R> table, int variant) {
        var columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sample(columns.get(i).type(), i < table.key().size(), variant);
        }
        return values;
    }

    @Test
    void everyTable_roundTripsEveryColumn_nullsAndEdgesIncluded() {
        for (Table<?> table : Tables.ALL) {
            for (int variant = 0; variant < 3; variant++) {
                roundTrip(table, variant);
            }
        }
    }

    private static <R> void roundTrip(Table<R> table, int variant) {
        R row = table.assemble(values(table, variant));
        R decoded = RowCodec.decode(table, RowCodec.encode(table, row));
        assertThat(table.values(decoded)).as(table.name() + " variant " + variant)
                .containsExactly(values(table, variant));
    }

    @Test
    void nullableNumbers_stayNull() {
        Object[] values = values(Tables.PAYMENT_STREAM, 0);
        values[4] = null; // rate
        values[7] = null; // last_tick_charged
        var row = Tables.PAYMENT_STREAM.assemble(values);
        var decoded = RowCodec.decode(Tables.PAYMENT_STREAM, RowCodec.encode(Tables.PAYMENT_STREAM, row));
        assertThat(decoded.rate).isNull();
        assertThat(decoded.lastTickCharged).isNull();
    }

    @Test
    void keys_joinTheKeyFields_andAPrefixSelectsARange() {
        var row = Tables.FILE_BSP.assemble(values(Tables.FILE_BSP, 0));
        byte[] key = RowCodec.key(Tables.FILE_BSP, row);
        assertThat(RowCodec.fields(key)).containsExactly("k0", "k0", "k0");
        byte[] prefix = RowCodec.key("k0", "k0", "");
        assertThat(Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)).isTrue();
        // "k0\0k0" is no prefix of another BSP "k0\0k00": the separator ends the field
        assertThat(new String(RowCodec.key("k0", "k00", "x"))).doesNotStartWith(new String(prefix));
    }

    @Test
    void trailingBytes_areRefused() {
        var row = Tables.MSP.assemble(values(Tables.MSP, 0));
        byte[] bytes = RowCodec.encode(Tables.MSP, row);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> RowCodec.decode(Tables.MSP, longer)).hasMessageContaining("left over");
    }

    @Test
    void sqlColumns_expandPositions_inMigrationNames() {
        assertThat(Tables.FILE_BSP.sqlColumns()).containsExactly("chain", "bsp_id", "file_key", "confirmed_at",
                "created_block", "created_index");
        assertThat(Tables.FILE_BSP.copyFromStdin()).isEqualTo("COPY file_bsp (chain, bsp_id, file_key, confirmed_at,"
                + " created_block, created_index) FROM STDIN");
    }
}
