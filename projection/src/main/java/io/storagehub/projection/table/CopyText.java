package io.storagehub.projection.table;

import io.storagehub.schema.event.Position;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Rows in Postgres {@code COPY} text format (tab-separated fields, {@code \N} for null, backslash escapes), encoded
 * straight to UTF-8 bytes in a growing buffer: {@link #row} writes a described table's row, the field methods
 * anything else. Escaping works on bytes: the characters it escapes are ASCII, which never occur inside a UTF-8
 * multi-byte sequence.
 */
public final class CopyText {
    private static final byte[] NULL = {'\\', 'N'};
    private byte[] buffer;
    private int length;
    private boolean first = true;
    private long rows;

    public CopyText() {
        this(1 << 16);
    }

    public CopyText(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

    /** Appends a whole row of {@code table}, every column in {@link Table#sqlColumns()} order. */
    public <R> CopyText row(Table<R> table, R row) {
        for (Column<R> column : table.columns()) {
            value(column.type(), column.value(row));
        }
        return endRow();
    }

    @SuppressWarnings("unchecked")
    private void value(ColumnType type, Object value) {
        switch (type) {
            case TEXT -> text((String) value);
            case NUMERIC -> ascii(value == null ? null : ((BigInteger) value).toString());
            case INT64 -> {
                if (value == null) {
                    ascii(null);
                } else {
                    int64((Long) value);
                }
            }
            case BOOL -> bool((Boolean) value);
            case TEXT_ARRAY -> array((List<String>) value);
            case POSITION -> {
                Position p = (Position) value;
                int64(p.block());
                int64(p.index());
            }
        }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for the ASCII chars it copies
    public CopyText text(String value) {
        separator();
        if (value == null) {
            put(NULL);
            return this;
        }
        int n = value.length();
        ensure(n * 3);
        int plain = 0;
        while (plain < n && plainAscii(value.charAt(plain))) {
            plain++;
        }
        // the plain ASCII start (most often the whole text) as one copy of the chars' low bytes
        value.getBytes(0, plain, buffer, length);
        length += plain;
        return plain == n ? this : encode(value, plain);
    }

    /** A char that stands for itself in COPY text: ASCII, and none of backslash, tab, newline, return. */
    private static boolean plainAscii(char c) {
        return c < 0x80 && c != '\\' && c != '\t' && c != '\n' && c != '\r';
    }

    /** The rest of {@code value} from {@code from}, encoded to UTF-8 and escaped (room for 3 bytes a char made). */
    private CopyText encode(String value, int from) {
        int n = value.length();
        byte[] out = buffer;
        int at = length;
        for (int i = from; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> at = escaped(out, at, '\\');
                    case '\t' -> at = escaped(out, at, 't');
                    case '\n' -> at = escaped(out, at, 'n');
                    case '\r' -> at = escaped(out, at, 'r');
                    default -> out[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[at++] = '?'; // an unpaired surrogate, replaced as String.getBytes(UTF_8) replaces it
            }
        }
        length = at;
        return this;
    }

    private static int escaped(byte[] out, int at, char c) {
        out[at] = '\\';
        out[at + 1] = (byte) c;
        return at + 2;
    }

    /** Any value by its {@code toString()} (numbers, ids), escaped as text; null as {@code \N}. */
    public CopyText value(Object value) {
        return text(value == null ? null : value.toString());
    }

    public CopyText int64(long value) {
        separator();
        digits(value);
        return this;
    }

    /** A bigint[] literal of the first {@code count} of {@code values}: {@code {1,2,3}}. */
    public CopyText int64s(long[] values, int count) {
        separator();
        ensure(1);
        buffer[length++] = '{';
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                ensure(1);
                buffer[length++] = ',';
            }
            digits(values[i]);
        }
        ensure(1);
        buffer[length++] = '}';
        return this;
    }

    /** A null field ({@code \N}). */
    public CopyText nullValue() {
        separator();
        put(NULL);
        return this;
    }

    private void digits(long value) {
        if (value == Long.MIN_VALUE) {
            put(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ensure(20);
        long v = value;
        if (v < 0) {
            buffer[length++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long rest = v / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = length + digits;
        length = at;
        do {
            buffer[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }

    public CopyText bool(boolean value) {
        separator();
        ensure(1);
        buffer[length++] = (byte) (value ? 't' : 'f');
        return this;
    }

    /** A text[] literal: every element double-quoted, with backslash and quote escaped. */
    public CopyText array(List<String> values) {
        StringBuilder literal = new StringBuilder(16 + values.size() * 48).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String value = values.get(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '\\' || c == '"') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return text(literal.append('}').toString());
    }

    public CopyText bytea(byte[] value) {
        return text(value == null ? null : "\\x" + HexFormat.of().formatHex(value));
    }

    /**
     * A bytea given as its hex digits (no {@code 0x}), written as {@link #bytea} writes the bytes, without decoding
     * them first.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for hex digits
    public CopyText byteaHex(String hex) {
        separator();
        ensure(3 + hex.length());
        buffer[length++] = '\\';
        buffer[length++] = '\\';
        buffer[length++] = 'x';
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new IllegalArgumentException("not a hex digit at " + i + ": " + hex);
            }
        }
        hex.getBytes(0, hex.length(), buffer, length);
        length += hex.length();
        return this;
    }

    /** A field already in COPY's text format (from {@link #escaped}), copied as it is. */
    public CopyText field(byte[] escaped) {
        separator();
        put(escaped);
        return this;
    }

    /** {@code value} escaped for COPY's text format once, to be written many times with {@link #field}. */
    public static byte[] escaped(String value) {
        CopyText one = new CopyText(64);
        one.text(value);
        return one.bytes();
    }

    public CopyText endRow() {
        ensure(1);
        buffer[length++] = '\n';
        first = true;
        rows++;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Bytes written so far (complete rows only once {@link #endRow} was called). */
    public int size() {
        return length;
    }

    public byte[] buffer() {
        return buffer;
    }

    public byte[] bytes() {
        return Arrays.copyOf(buffer, length);
    }

    /** Empties the buffer (its capacity is kept); the row count goes on. */
    public void clear() {
        length = 0;
        first = true;
    }

    /** A field whose text needs no escaping (digits, signs). */
    private CopyText ascii(String value) {
        separator();
        if (value == null) {
            put(NULL);
            return this;
        }
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    private void separator() {
        if (!first) {
            ensure(1);
            buffer[length++] = '\t';
        }
        first = false;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
