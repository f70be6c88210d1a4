package io.storagehub.projection.state;

import io.storagehub.schema.readmodel.ChangeView;
import java.util.List;

/**
 * One applied event kept as a change, with the keys it is found by: {@code msp:}, {@code bsp:}, {@code bucket:}
 * and {@code file:} followed by the id of an entity row it touched (the entity's history and the {@code msp},
 * {@code bsp} and {@code file} filters), {@code in:} followed by the id of a bucket whose row or one of whose
 * files' rows it touched (the {@code bucket} filter) and {@code account:} followed by the owner of a bucket or
 * file, or the user of a payment stream, it touched (the {@code account} filter). Keys are distinct.
 */
public record RecordedChange(ChangeView view, List<String> keys) {
    public static final String MSP = "msp:";
    public static final String BSP = "bsp:";
    public static final String BUCKET = "bucket:";
    public static final String FILE = "file:";
    public static final String IN_BUCKET = "in:";
    public static final String ACCOUNT = "account:";

    public RecordedChange {
        keys = List.copyOf(keys);
    }
}
