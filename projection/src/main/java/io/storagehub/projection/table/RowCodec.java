package io.storagehub.projection.table;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact binary form of a described table's rows, for state kept outside Postgres (the bulk mode's state
 * store): every field in column order, lengths and numbers as unsigned varints, a leading 0 marking a null.
 * Also the keys: the key fields' UTF-8 bytes joined by a 0 byte (ids, accounts and chain names never contain one),
 * so that keys sort as their fields do and a key prefix selects a range.
 */
public final class RowCodec {
    /** Each thread's encoding buffer, reused from row to row (it grows to the largest row seen). */
    private static final ThreadLocal<Writer> WRITER = ThreadLocal.withInitial(Writer::new);

    private RowCodec() {
    }

    public static <R> byte[] encode(Table<R> table, R row) {
        Writer out = WRITER.get();
        out.length = 0;
        for (Column<R> column : table.columns()) {
            out.value(column.type(), column.value(row));
        }
        return out.bytes();
    }

    public static <R> R decode(Table<R> table, byte[] bytes) {
        Reader in = new Reader(bytes);
        List<Column<R>> columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.value(columns.get(i).type());
        }
        if (in.offset != bytes.length) {
            throw new IllegalArgumentException(table.name() + ": " + (bytes.length - in.offset) + " bytes left over");
        }
        return table.assemble(values);
    }

    /** The key of a row: its key fields joined by a 0 byte. */
    public static <R> byte[] key(Table<R> table, R row) {
        List<Column<R>> key = table.key();
        String[] parts = new String[key.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = (String) key.get(i).value(row);
        }
        return key(parts);
    }

    /** Fields joined by a 0 byte; {@code key("a", "")} is the prefix of every key starting with field "a". */
    public static byte[] key(String... parts) {
        byte[][] encoded = new byte[parts.length][];
        int length = Math.max(0, parts.length - 1);
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            length += encoded[i].length;
        }
        byte[] key = new byte[length];
        int at = 0;
        for (int i = 0; i < encoded.length; i++) {
            if (i > 0) {
                key[at++] = 0;
            }
            System.arraycopy(encoded[i], 0, key, at, encoded[i].length);
            at += encoded[i].length;
        }
        return key;
    }

    /** The fields of a key made by {@link #key(String...)}. */
    public static String[] fields(byte[] key) {
        return new String(key, StandardCharsets.UTF_8).split("\0", -1);
    }

    private static final class Writer {
        private byte[] buffer = new byte[256];
        private int length;

        @SuppressWarnings("unchecked")
        void value(ColumnType type, Object value) {
            switch (type) {
                case TEXT -> text((String) value);
                case NUMERIC -> {
                    if (value == null) {
                        varint(0);
                    } else {
                        byte[] bytes = ((BigInteger) value).toByteArray();
                        varint(bytes.length + 1L);
                        put(bytes);
                    }
                }
                case INT64 -> {
                    if (value == null) {
                        varint(0);
                    } else {
                        varint(1);
                        varint((Long) value);
                    }
                }
                case BOOL -> varint((Boolean) value ? 1 : 0);
                case TEXT_ARRAY -> {
                    List<String> list = (List<String>) value;
                    varint(list.size());
                    list.forEach(this::text);
                }
                case POSITION -> {
                    Position p = (Position) value;
                    varint(p.block());
                    varint(p.index());
                }
            }
        }

        void text(String value) {
            if (value == null) {
                varint(0);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length + 1L);
            put(bytes);
        }

        /** Unsigned LEB128: a negative long takes 10 bytes and comes back unchanged. */
        void varint(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                buffer[length++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[length++] = (byte) value;
        }

        void put(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int offset;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Object value(ColumnType type) {
            return switch (type) {
                case TEXT -> text();
                case NUMERIC -> {
                    int length = (int) varint();
                    if (length == 0) {
                        yield null;
                    }
                    BigInteger value = new BigInteger(bytes, offset, length - 1);
                    offset += length - 1;
                    yield value;
                }
                case INT64 -> varint() == 0 ? null : varint();
                case BOOL -> varint() == 1;
                case TEXT_ARRAY -> {
                    int size = (int) varint();
                    List<String> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(text());
                    }
                    yield list;
                }
                case POSITION -> new Position(varint(), varint());
            };
        }

        String text() {
            int length = (int) varint();
            if (length == 0) {
                return null;
            }
            String value = new String(bytes, offset, length - 1, StandardCharsets.UTF_8);
            offset += length - 1;
            return value;
        }

        long varint() {
            long value = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[offset++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
                shift += 7;
            }
        }
    }
}
