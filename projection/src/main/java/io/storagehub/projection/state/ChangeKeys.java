package io.storagehub.projection.state;

import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.SortKey;
import java.util.ArrayList;
import java.util.List;

/**
 * How both adapters find changes: the key of an entity's history, the keys a {@code GET /changes} filter
 * requires (see {@link RecordedChange}), and the {@code [block, index]} sort key of history pages.
 */
public final class ChangeKeys {
    /** After every position, for the first page of a history newest first. */
    public static final Position END = new Position(Long.MAX_VALUE, Long.MAX_VALUE);

    private ChangeKeys() {
    }

    /** The key of the history of an MSP, a BSP, a bucket (its row only) or a file. */
    public static String history(EntityKind kind, String id) {
        return switch (kind) {
            case MSP -> RecordedChange.key(RecordedChange.MSP, id);
            case BSP -> RecordedChange.key(RecordedChange.BSP, id);
            case BUCKET -> RecordedChange.key(RecordedChange.BUCKET, id);
            case FILE -> RecordedChange.key(RecordedChange.FILE, id);
            case VALUE_PROP, PAYMENT_STREAM -> throw new IllegalArgumentException(kind.apiName() + " has no history");
        };
    }

    /** The keys a change must all have to pass {@code filter} (none for the empty filter). */
    public static List<String> of(ChangeFilter filter) {
        List<String> keys = new ArrayList<>(2);
        filter.bucket().ifPresent(b -> keys.add(RecordedChange.key(RecordedChange.IN_BUCKET, b.hex())));
        filter.file().ifPresent(f -> keys.add(RecordedChange.key(RecordedChange.FILE, f.hex())));
        filter.msp().ifPresent(m -> keys.add(RecordedChange.key(RecordedChange.MSP, m.hex())));
        filter.bsp().ifPresent(b -> keys.add(RecordedChange.key(RecordedChange.BSP, b.hex())));
        filter.account().ifPresent(a -> keys.add(RecordedChange.key(RecordedChange.ACCOUNT, a.hex())));
        return keys;
    }

    public static SortKey sortKey(Position position) {
        return SortKey.of(Long.toString(position.block()), Long.toString(position.index()));
    }

    /** The position a history page resumes strictly after (before, newest first). */
    public static Position after(PageRequest page, HistoryOrder order) {
        if (page.after().isEmpty()) {
            return order == HistoryOrder.DESC ? END : Position.ORIGIN;
        }
        List<String> parts = page.after().get().parts();
        if (parts.size() != 2) {
            throw new IllegalArgumentException("a history sort key has 2 parts (block, index), got " + parts.size());
        }
        try {
            long block = Long.parseLong(parts.get(0));
            long index = Long.parseLong(parts.get(1));
            if (block < 0 || index < 0) {
                throw new IllegalArgumentException("a history sort key is not negative: " + parts);
            }
            return new Position(block, index);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a history sort key is two integers (block, index): " + parts, e);
        }
    }
}
