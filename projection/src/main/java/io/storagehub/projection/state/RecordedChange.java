package io.storagehub.projection.state;

import io.storagehub.schema.readmodel.ChangeView;
import java.util.List;

/**
 * One applied event kept as a change, with the keys it is found by. A key is the hex of one byte naming what it
 * finds followed by the bytes of an id (see {@link #key}): {@link #MSP}, {@link #BSP}, {@link #BUCKET} and
 * {@link #FILE} with the id of an entity row the change touched (the entity's history and the {@code msp},
 * {@code bsp} and {@code file} filters), {@link #IN_BUCKET} with the id of a bucket whose row or one of whose files'
 * rows it touched (the {@code bucket} filter) and {@link #ACCOUNT} with the owner of a bucket or file, or the user
 * of a payment stream, it touched (the {@code account} filter). Keys are distinct. Stored as {@code bytea}: a
 * third of the width of the text, which keeps the key table and its index narrow.
 */
public record RecordedChange(ChangeView view, List<String> keys) {
    public static final String MSP = "01";
    public static final String BSP = "02";
    public static final String BUCKET = "03";
    public static final String FILE = "04";
    public static final String IN_BUCKET = "05";
    public static final String ACCOUNT = "06";

    public RecordedChange {
        keys = List.copyOf(keys);
    }

    /** The key of {@code kind} (one of the constants) and an id as the API writes it ({@code 0x} + hex). */
    public static String key(String kind, String id) {
        if (!id.startsWith("0x")) {
            throw new IllegalArgumentException("an id is 0x-prefixed hex, got " + id);
        }
        return kind + id.substring(2);
    }
}
