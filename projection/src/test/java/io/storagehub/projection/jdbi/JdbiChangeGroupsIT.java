package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change queries over grouped key rows (V0010: a key row finds the key's changes of one batch, up to 100):
 * from every kind of position (before a key's first change, inside one of its groups, between two groups, on a
 * change, after its last), each page holds exactly the key's changes on the right side of the position, in order.
 */
class JdbiChangeGroupsIT {
    private static final String CHAIN = "groups";
    private static final int CHANGES = 900;
    private static final int PER_BATCH = 300;
    private static final int PER_BLOCK = 3;
    /** Keys and which changes carry them: one in most changes (full groups), one now and then, one rarely. */
    private static final Map<String, IntPredicate> KEYS = Map.of(
            RecordedChange.key(RecordedChange.MSP, "0x0a"), i -> i % 5 != 3,
            RecordedChange.key(RecordedChange.IN_BUCKET, "0x0b"), i -> i % 7 == 2,
            RecordedChange.key(RecordedChange.ACCOUNT, "0x0c"), i -> i % 97 == 40);

    private static MigratedSchema db;

    @BeforeAll
    static void write() {
        db = MigratedSchema.create();
        for (int from = 0; from < CHANGES; from += PER_BATCH) {
            List<RecordedChange> recorded = new ArrayList<>();
            for (int i = from; i < from + PER_BATCH; i++) {
                int n = i;
                List<String> keys = KEYS.entrySet().stream().filter(k -> k.getValue().test(n)).map(Map.Entry::getKey)
                        .sorted().toList();
                recorded.add(new RecordedChange(new ChangeView(position(i), "0x01", Instant.EPOCH, "FileSystem",
                        "NewStorageRequest", "{}", List.of()), keys));
            }
            Changes batch = new Changes(CHAIN, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), null, null, List.of(), recorded);
            db.jdbi.useTransaction(h -> new JdbiStateWriter(h, "live").write(List.of(batch), Optional.empty()));
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static Position position(int i) {
        return new Position(10 + (long) i / PER_BLOCK * 2, i % PER_BLOCK);
    }

    @Test
    void theKeysOfABatch_shareRows() {
        long rows = db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM change_key").mapTo(Long.class).one());
        long entries = 0;
        for (IntPredicate carries : KEYS.values()) {
            for (int i = 0; i < CHANGES; i++) {
                entries += carries.test(i) ? 1 : 0;
            }
        }
        assertThat(rows).isLessThan(entries / 10);
    }

    @Test
    void everyPage_fromEveryKindOfPosition_holdsTheKeysChangesOnItsSide() {
        List<Position> cursors = new ArrayList<>(List.of(Position.ORIGIN, new Position(Long.MAX_VALUE,
                Long.MAX_VALUE), new Position(5, 0), new Position(100_000, 0)));
        for (int i = 0; i < CHANGES; i += 10) {
            cursors.add(position(i));
            cursors.add(new Position(position(i).block() + 1, 0)); // a block without changes
        }
        String otherKey = RecordedChange.key(RecordedChange.IN_BUCKET, "0x0b");
        for (Map.Entry<String, IntPredicate> key : KEYS.entrySet()) {
            List<Position> changes = new ArrayList<>();
            List<Position> withOther = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                if (key.getValue().test(i)) {
                    changes.add(position(i));
                    if (KEYS.get(otherKey).test(i)) {
                        withOther.add(position(i));
                    }
                }
            }
            for (Position cursor : cursors) {
                for (int limit : new int[] {1, 7, 150}) {
                    Map<String, Object> binds = new TreeMap<>(Map.of("chain", CHAIN, "key", key.getKey(),
                            "afterBlock", cursor.block(), "afterIndex", cursor.index(), "limit", limit));
                    assertThat(positions("historyDesc", binds)).as("%s before %s", key.getKey(), cursor)
                            .isEqualTo(changes.stream().filter(p -> p.compareTo(cursor) < 0)
                                    .sorted(Comparator.reverseOrder()).limit(limit).toList());
                    binds.put("otherKeys", new String[0]); // a history oldest first: the key alone
                    assertThat(positions("filteredChanges", binds)).as("%s after %s", key.getKey(), cursor)
                            .isEqualTo(changes.stream().filter(p -> p.compareTo(cursor) > 0).limit(limit).toList());
                    binds.put("otherKeys", new String[] {otherKey});
                    assertThat(positions("filteredChanges", binds)).as("%s and %s after %s", key.getKey(), otherKey,
                            cursor).isEqualTo(withOther.stream().filter(p -> p.compareTo(cursor) > 0).limit(limit)
                            .toList());
                }
            }
        }
    }

    private static List<Position> positions(String query, Map<String, Object> binds) {
        return db.jdbi.withHandle(h -> h.createQuery(Sql.of(JdbiStorageQueries.class, query)).bindMap(binds)
                .map(ViewRows.CHANGE).list()).stream().map(ChangeView::position).toList();
    }
}
