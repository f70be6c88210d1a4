package io.storagehub.bench.backfill;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Rows in Postgres COPY text format (tab-separated, {@code \N} for null, backslash escapes). */
public final class CopyText {
    private final StringBuilder row = new StringBuilder(512);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    private boolean first = true;
    private long rows;

    public CopyText text(String value) {
        separator();
        if (value == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    public CopyText value(Object value) {
        return text(value == null ? null : value.toString());
    }

    public CopyText bool(boolean value) {
        return text(value ? "t" : "f");
    }

    /** A text[] literal: every element double-quoted, with backslash and quote escaped. */
    public CopyText array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text(literal.append('}').toString());
    }

    public CopyText bytea(byte[] value) {
        return text(value == null ? null : "\\x" + HexFormat.of().formatHex(value));
    }

    public void endRow() {
        row.append('\n');
        out.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
        row.setLength(0);
        first = true;
        rows++;
    }

    public long rows() {
        return rows;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void separator() {
        if (!first) {
            row.append('\t');
        }
        first = false;
    }
}
