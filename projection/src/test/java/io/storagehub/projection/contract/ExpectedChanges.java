package io.storagehub.projection.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.Outcome;
import io.storagehub.projection.ReadModelSnapshot;
import io.storagehub.projection.StorageQueries;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.codec.EventEncoder;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.ChangeFilter;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.MspDetail;
import io.storagehub.schema.readmodel.Page;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.readmodel.PaymentStreamView;
import io.storagehub.schema.readmodel.SortKey;
import io.storagehub.schema.readmodel.ValuePropView;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.FileKey;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The changes a chain must produce, computed independently of the projection's own bookkeeping: the events are
 * applied one at a time to a reference in-memory read model, and each applied event's entities are the rows whose
 * views differ between the snapshots before and after it, with the API fields whose values differ (every field of
 * a created row, none of a deleted one). A file's {@code mspId} is its bucket's: it is compared only on creation.
 * Also answers, from those expectations, which changes each history and each filter must list.
 */
public final class ExpectedChanges {
    private static final EventEncoder ENCODER = new EventEncoder();

    /** One expected change, with the ids of the buckets and accounts its entities belong to (for the filters). */
    public record Expected(ChangeView view, Set<String> buckets, Set<String> accounts) {
    }

    private final List<Expected> changes = new ArrayList<>();

    private ExpectedChanges() {
    }

    /** Applies {@code events} (of one chain) one at a time to a fresh reference read model. */
    public static ExpectedChanges of(String chain, List<Envelope> events) {
        ExpectedChanges expected = new ExpectedChanges();
        InMemoryStore store = new InMemoryStore();
        InMemoryProjection projection = new InMemoryProjection(store);
        InMemoryQueries reference = new InMemoryQueries(store);
        Map<String, Entity> before = entities(reference.snapshot(chain));
        for (Envelope event : events) {
            Outcome outcome = projection.apply(Batch.of(List.of(event))).outcomes().get(0);
            if (outcome.kind() != Outcome.Kind.APPLIED) {
                continue;
            }
            Map<String, Entity> after = entities(reference.snapshot(chain));
            expected.changes.add(expected.diff(event, before, after));
            before = after;
        }
        return expected;
    }

    public List<Expected> changes() {
        return changes;
    }

    public List<ChangeView> views() {
        return changes.stream().map(Expected::view).toList();
    }

    /** Asserts that {@code queries} holds exactly the expected changes, histories and filters of {@code chain}. */
    public void assertHeldBy(StorageQueries queries, String chain, ReadModelSnapshot rows) {
        assertThat(walkChanges(queries, chain, ChangeFilter.NONE, 211)).isEqualTo(views());
        for (MspDetail msp : rows.msps()) {
            assertHistory(queries, chain, EntityKind.MSP, msp.msp().mspId().hex());
            assertFilter(queries, chain, new ChangeFilter(Optional.empty(), Optional.empty(),
                    Optional.of(msp.msp().mspId()), Optional.empty(), Optional.empty()),
                    e -> has(e, EntityKind.MSP, msp.msp().mspId().hex()));
        }
        rows.bsps().forEach(b -> {
            assertHistory(queries, chain, EntityKind.BSP, b.bspId().hex());
            assertFilter(queries, chain, new ChangeFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(b.bspId()), Optional.empty()), e -> has(e, EntityKind.BSP, b.bspId().hex()));
        });
        for (BucketView b : rows.buckets()) {
            assertHistory(queries, chain, EntityKind.BUCKET, b.bucketId().hex());
            assertFilter(queries, chain, new ChangeFilter(Optional.of(b.bucketId()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()), e -> e.buckets().contains(b.bucketId().hex()));
        }
        Set<AccountId> accounts = new HashSet<>();
        rows.buckets().forEach(b -> accounts.add(b.owner()));
        rows.streams().forEach(s -> accounts.add(s.userAccount()));
        for (AccountId account : accounts) {
            assertFilter(queries, chain, new ChangeFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(account)), e -> e.accounts().contains(account.hex()));
        }
        int step = Math.max(1, rows.files().size() / 200);
        for (int i = 0; i < rows.files().size(); i += step) {
            FileView f = rows.files().get(i);
            assertHistory(queries, chain, EntityKind.FILE, f.fileKey().hex());
            assertFilter(queries, chain, new ChangeFilter(Optional.empty(), Optional.of(f.fileKey()),
                    Optional.empty(), Optional.empty(), Optional.empty()), e -> has(e, EntityKind.FILE,
                    f.fileKey().hex()));
            assertFilter(queries, chain, new ChangeFilter(Optional.of(f.bucketId()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(f.owner())),
                    e -> e.buckets().contains(f.bucketId().hex()) && e.accounts().contains(f.owner().hex()));
        }
        assertThat(queries.history(chain, EntityKind.FILE, FileKey.of("0x" + "f".repeat(64)).hex(),
                HistoryOrder.DESC, PageRequest.first(5))).isEmpty();
    }

    private static boolean has(Expected e, EntityKind kind, String id) {
        return e.view().entities().stream().anyMatch(x -> x.kind() == kind && x.id().equals(id));
    }

    private void assertHistory(StorageQueries queries, String chain, EntityKind kind, String id) {
        List<Position> expected = changes.stream().filter(e -> has(e, kind, id)).map(e -> e.view().position())
                .toList();
        List<Position> asc = walkHistory(queries, chain, kind, id, HistoryOrder.ASC, 7);
        List<Position> desc = walkHistory(queries, chain, kind, id, HistoryOrder.DESC, 5);
        assertThat(asc).as("%s %s history", kind, id).isEqualTo(expected);
        List<Position> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(desc).as("%s %s history, newest first", kind, id).isEqualTo(reversed);
    }

    private void assertFilter(StorageQueries queries, String chain, ChangeFilter filter,
                              java.util.function.Predicate<Expected> passes) {
        assertThat(walkChanges(queries, chain, filter, 17)).as("%s", filter)
                .isEqualTo(changes.stream().filter(passes).map(Expected::view).toList());
    }

    private static List<Position> walkHistory(StorageQueries q, String chain, EntityKind kind, String id,
                                              HistoryOrder order, int limit) {
        List<Position> all = new ArrayList<>();
        Optional<SortKey> after = Optional.empty();
        do {
            Page<ChangeView> page = q.history(chain, kind, id, order, new PageRequest(limit, after)).orElseThrow();
            page.items().forEach(c -> all.add(c.position()));
            after = page.nextKey();
        } while (after.isPresent());
        return all;
    }

    public static List<ChangeView> walkChanges(StorageQueries q, String chain, ChangeFilter filter, int limit) {
        List<ChangeView> all = new ArrayList<>();
        Position after = Position.ORIGIN;
        while (true) {
            List<ChangeView> page = q.changes(chain, filter, after, limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = page.get(page.size() - 1).position();
        }
    }

    // ---- the independent computation ----

    /** An entity's API fields (name -> value, in API order), and the bucket and account it belongs to. */
    private record Entity(EntityKind kind, String id, Map<String, Object> fields, String bucket, String account) {
    }

    private Expected diff(Envelope event, Map<String, Entity> before, Map<String, Entity> after) {
        List<ChangedEntity> entities = new ArrayList<>();
        Set<String> buckets = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        Set<String> keys = new java.util.TreeSet<>(Comparator.naturalOrder());
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        List<Entity> touched = new ArrayList<>();
        Map<String, List<String>> changed = new TreeMap<>();
        for (String key : keys) {
            Entity was = before.get(key);
            Entity is = after.get(key);
            List<String> fields = new ArrayList<>();
            if (was == null) {
                fields.addAll(is.fields().keySet());
            } else if (is != null) {
                is.fields().forEach((name, value) -> {
                    boolean derived = is.kind() == EntityKind.FILE && name.equals("mspId");
                    if (!derived && !Objects.equals(value, was.fields().get(name))) {
                        fields.add(name);
                    }
                });
                if (fields.isEmpty()) {
                    continue;
                }
            }
            Entity entity = is != null ? is : was;
            touched.add(entity);
            changed.put(key, fields);
        }
        touched.sort(Comparator.comparing((Entity e) -> e.kind().ordinal()).thenComparing(Entity::id));
        for (Entity e : touched) {
            entities.add(new ChangedEntity(e.kind(), e.id(), changed.get(e.kind() + "|" + e.id())));
            if (e.bucket() != null) {
                buckets.add(e.bucket());
            }
            if (e.account() != null) {
                accounts.add(e.account());
            }
        }
        ChangeView view = new ChangeView(event.position(), event.block().hash().hex(), event.block().timestamp(),
                event.event().pallet(), event.event().getClass().getSimpleName(), ENCODER.dataJson(event.event()),
                entities);
        return new Expected(view, buckets, accounts);
    }

    private static Map<String, Entity> entities(ReadModelSnapshot s) {
        Map<String, Entity> all = new LinkedHashMap<>();
        for (MspDetail msp : s.msps()) {
            put(all, EntityKind.MSP, msp.msp().mspId().hex(), fields(msp.msp()), null, null);
            for (ValuePropView vp : msp.valueProps()) {
                put(all, EntityKind.VALUE_PROP, msp.msp().mspId().hex() + ":" + vp.valuePropId().hex(), fields(vp),
                        null, null);
            }
        }
        s.bsps().forEach(b -> put(all, EntityKind.BSP, b.bspId().hex(), fields(b), null, null));
        for (BucketView b : s.buckets()) {
            Map<String, Object> fields = fields(b);
            put(all, EntityKind.BUCKET, b.bucketId().hex(), rename(fields, "isPrivate", "private"),
                    b.bucketId().hex(), b.owner().hex());
        }
        for (FileView f : s.files()) {
            Map<String, Object> fields = fields(f);
            fields.put("fullyReplicated", f.fullyReplicated());
            put(all, EntityKind.FILE, f.fileKey().hex(), fields, f.bucketId().hex(), f.owner().hex());
        }
        for (PaymentStreamView p : s.streams()) {
            put(all, EntityKind.PAYMENT_STREAM, p.userAccount().hex() + ":" + p.providerId().hex(), fields(p), null,
                    p.userAccount().hex());
        }
        return all;
    }

    private static void put(Map<String, Entity> all, EntityKind kind, String id, Map<String, Object> fields,
                            String bucket, String account) {
        all.put(kind + "|" + id, new Entity(kind, id, fields, bucket, account));
    }

    private static Map<String, Object> rename(Map<String, Object> fields, String from, String to) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        fields.forEach((name, value) -> renamed.put(name.equals(from) ? to : name, value));
        return renamed;
    }

    /** A view record's components by name, in declaration order (the API's field order). */
    private static Map<String, Object> fields(Record view) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : view.getClass().getRecordComponents()) {
            try {
                fields.put(c.getName(), c.getAccessor().invoke(view));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

}
