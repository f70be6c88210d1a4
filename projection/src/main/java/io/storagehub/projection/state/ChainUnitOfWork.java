package io.storagehub.projection.state;

import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeView;
import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The working set of one chain during one batch: rows read through a {@link StateLoader} (in bulk by
 * {@link #preload}, else one key at a time), changed in place by the applier, and handed back as
 * {@link Changes}. Nothing reaches storage unless the whole batch succeeds.
 *
 * <p>When it records changes, every row handed out during an event ({@link #beginEvent} .. {@link #recordChange})
 * is first copied as it was, and {@link #recordChange} compares the rows the event marked changed with those
 * images: only the rows an event touches are copied and compared.
 */
public final class ChainUnitOfWork {
    /** Per-event maps holding more entries than this are replaced rather than cleared. */
    private static final int SMALL = 64;
    private final String chain;
    private final StateLoader loader;
    private final Position startPosition;
    private Position lastPosition;
    private Instant lastBlockTime;
    private final Map<Position, Long> newDigests = new TreeMap<>();

    private final Cache<String, MspRow> msps = new Cache<>();
    private final Cache<String, BspRow> bsps = new Cache<>();
    private final Cache<ValuePropRow.Key, ValuePropRow> valueProps = new Cache<>();
    private final Cache<String, BucketRow> buckets = new Cache<>();
    private final Cache<String, FileRow> files = new Cache<>();
    private final Cache<StreamRow.Key, StreamRow> streams = new Cache<>();
    private final Set<StreamRow.Key> deletedStreams = new LinkedHashSet<>();

    private final Map<String, Map<String, FileBspRow>> associationsByFile = new HashMap<>();
    /** The same associations by BSP: the files of each BSP among those whose sets are loaded. */
    private final Map<String, Set<String>> filesByBsp = new HashMap<>();
    private final Set<String> bspsFullyLoaded = new HashSet<>();
    private final Map<AssociationKey, FileBspRow> addedAssociations = new LinkedHashMap<>();
    private final Map<AssociationKey, FileBspRow> removedAssociations = new LinkedHashMap<>();

    private final boolean recording;
    private final Images<String, MspRow> mspImages = new Images<>(MspRow::copy);
    private final Images<String, BspRow> bspImages = new Images<>(BspRow::copy);
    private final Images<ValuePropRow.Key, ValuePropRow> valuePropImages = new Images<>(ValuePropRow::copy);
    private final Images<String, BucketRow> bucketImages = new Images<>(BucketRow::copy);
    private final Images<String, FileRow> fileImages = new Images<>(FileRow::copy);
    private final Images<StreamRow.Key, StreamRow> streamImages = new Images<>(StreamRow::copy);
    private Map<String, Set<String>> bspsBefore = new HashMap<>();
    private final List<RecordedChange> recorded = new ArrayList<>();

    /** A unit of work that records changes. */
    public ChainUnitOfWork(String chain, StateLoader loader) {
        this(chain, loader, true);
    }

    /** {@code recordChanges}: whether applied events are kept as changes ({@link #recordChange}). */
    public ChainUnitOfWork(String chain, StateLoader loader, boolean recordChanges) {
        this.recording = recordChanges;
        this.chain = chain;
        this.loader = loader;
        this.startPosition = loader.lockChain(chain).orElse(Position.ORIGIN);
        this.lastPosition = startPosition;
    }

    public String chain() {
        return chain;
    }

    public Position lastPosition() {
        return lastPosition;
    }

    /** The digest recorded for an already consumed position, if known. */
    public Optional<Long> digestAt(Position position) {
        Long inBatch = newDigests.get(position);
        if (inBatch != null) {
            return Optional.of(inBatch);
        }
        if (position.isAfter(startPosition)) {
            return Optional.empty();
        }
        return Optional.ofNullable(loader.digests(chain, List.of(position)).get(position));
    }

    /** Marks a new position, of a block made at {@code blockTime}, as consumed (whatever its outcome). */
    public void consume(Position position, Instant blockTime, long digest) {
        newDigests.put(position, digest);
        lastPosition = position;
        lastBlockTime = blockTime;
    }

    /**
     * Bulk-loads rows the batch will need, and the rows those lead to (the files of a BSP signing off, the buckets
     * of files and their MSPs, the BSPs storing files); anything missed is loaded on demand later.
     */
    public void preload(Prefetch wanted) {
        msps.loadAll(wanted.providers(), ids -> loader.msps(chain, ids));
        bsps.loadAll(wanted.providers(), ids -> loader.bsps(chain, ids));
        valueProps.loadAll(wanted.valueProps(), keys -> loader.valueProps(chain, keys));
        streams.loadAll(wanted.streams(), keys -> loader.streams(chain, keys));
        Set<String> fileKeys = new HashSet<>(wanted.files());
        wanted.filesOfBsps().forEach(bspId -> fileKeys.addAll(filesOfBsp(bspId)));
        files.loadAll(fileKeys, keys -> loader.files(chain, keys));
        Set<String> bucketIds = new HashSet<>(wanted.buckets());
        files.present().forEach(f -> bucketIds.add(f.bucketId));
        buckets.loadAll(bucketIds, ids -> loader.buckets(chain, ids));
        Set<String> bucketMsps = new HashSet<>();
        buckets.present().forEach(b -> {
            if (b.mspId != null) {
                bucketMsps.add(b.mspId);
            }
        });
        msps.loadAll(bucketMsps, ids -> loader.msps(chain, ids));
        loadAssociationsOfFiles(wanted.associationsOfFiles());
        Set<String> storingBsps = new HashSet<>();
        associationsByFile.values().forEach(byBsp -> storingBsps.addAll(byBsp.keySet()));
        bsps.loadAll(storingBsps, ids -> loader.bsps(chain, ids));
    }

    public MspRow msp(String id) {
        return seen(mspImages, id, msps.get(id, ids -> loader.msps(chain, ids)));
    }

    public BspRow bsp(String id) {
        return seen(bspImages, id, bsps.get(id, ids -> loader.bsps(chain, ids)));
    }

    public ValuePropRow valueProp(String mspId, String valuePropId) {
        ValuePropRow.Key key = new ValuePropRow.Key(mspId, valuePropId);
        return seen(valuePropImages, key, valueProps.get(key, keys -> loader.valueProps(chain, keys)));
    }

    public BucketRow bucket(String id) {
        return seen(bucketImages, id, buckets.get(id, ids -> loader.buckets(chain, ids)));
    }

    public FileRow file(String key) {
        return seen(fileImages, key, files.get(key, keys -> loader.files(chain, keys)));
    }

    public StreamRow stream(String userAccount, String providerId) {
        StreamRow.Key key = new StreamRow.Key(userAccount, providerId);
        return seen(streamImages, key, streams.get(key, keys -> loader.streams(chain, keys)));
    }

    public void changed(MspRow row) {
        msps.put(row.mspId, row);
        touched(mspImages, row.mspId);
    }

    public void changed(BspRow row) {
        bsps.put(row.bspId, row);
        touched(bspImages, row.bspId);
    }

    public void changed(ValuePropRow row) {
        valueProps.put(row.key(), row);
        touched(valuePropImages, row.key());
    }

    public void changed(BucketRow row) {
        buckets.put(row.bucketId, row);
        touched(bucketImages, row.bucketId);
    }

    public void changed(FileRow row) {
        files.put(row.fileKey, row);
        touched(fileImages, row.fileKey);
    }

    public void changed(StreamRow row) {
        deletedStreams.remove(row.key());
        streams.put(row.key(), row);
        touched(streamImages, row.key());
    }

    public void delete(StreamRow row) {
        streams.remove(row.key());
        deletedStreams.add(row.key());
        touched(streamImages, row.key());
    }

    /** The BSPs currently storing a file, by BSP id. */
    public Map<String, FileBspRow> associationsOfFile(String fileKey) {
        loadAssociationsOfFiles(List.of(fileKey));
        return Map.copyOf(associationsByFile.get(fileKey));
    }

    /** The files a BSP currently stores. */
    public List<String> filesOfBsp(String bspId) {
        if (bspsFullyLoaded.add(bspId)) {
            List<String> stored = loader.associationsOfBsp(chain, bspId).stream().map(FileBspRow::fileKey).toList();
            loadAssociationsOfFiles(stored);
        }
        List<String> result = new ArrayList<>(filesByBsp.getOrDefault(bspId, Set.of()));
        result.sort(null);
        return result;
    }

    public void addAssociation(FileBspRow row) {
        loadAssociationsOfFiles(List.of(row.fileKey()));
        associationsTouched(row.fileKey());
        associationsByFile.get(row.fileKey()).put(row.bspId(), row);
        filesByBsp.computeIfAbsent(row.bspId(), b -> new HashSet<>()).add(row.fileKey());
        addedAssociations.put(new AssociationKey(row.bspId(), row.fileKey()), row);
    }

    public void removeAssociation(FileBspRow row) {
        loadAssociationsOfFiles(List.of(row.fileKey()));
        associationsTouched(row.fileKey());
        associationsByFile.get(row.fileKey()).remove(row.bspId());
        Set<String> ofBsp = filesByBsp.get(row.bspId());
        if (ofBsp != null) {
            ofBsp.remove(row.fileKey());
        }
        AssociationKey key = new AssociationKey(row.bspId(), row.fileKey());
        addedAssociations.remove(key);
        removedAssociations.put(key, row);
    }

    public Changes changes() {
        return new Changes(chain, msps.dirtyRows(), bsps.dirtyRows(), valueProps.dirtyRows(), buckets.dirtyRows(),
                files.dirtyRows(), streams.dirtyRows(), List.copyOf(deletedStreams),
                List.copyOf(addedAssociations.values()), List.copyOf(removedAssociations.values()),
                newDigests.isEmpty() ? null : lastPosition, newDigests.isEmpty() ? null : lastBlockTime,
                newDigests.entrySet().stream().map(e -> new Changes.Digest(e.getKey(), e.getValue())).toList(),
                List.copyOf(recorded));
    }

    /** Whether applied events are kept as changes. */
    public boolean recordsChanges() {
        return recording;
    }

    /** Starts an event: forgets the images of the previous one (whose changes were recorded or discarded). */
    public void beginEvent() {
        if (recording) {
            mspImages.clear();
            bspImages.clear();
            valuePropImages.clear();
            bucketImages.clear();
            fileImages.clear();
            streamImages.clear();
            if (bspsBefore.size() > SMALL) {
                bspsBefore = new HashMap<>();
            } else {
                bspsBefore.clear();
            }
        }
    }

    /**
     * Keeps the event begun last, which was applied, as a change: the rows it marked changed whose API fields
     * differ from their images (all fields of a row it created; none of a payment stream it deleted), ordered by
     * kind then id. {@code dataJson}: the event's data as the wire carries it.
     */
    public void recordChange(Envelope envelope, String dataJson) {
        if (!recording) {
            return;
        }
        List<ChangedEntity> entities = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        diff(mspImages, msps, EntityKind.MSP, EntityFields.MSP, EntityFields::msp, k -> k, (k, r) ->
                keys.add(RecordedChange.key(RecordedChange.MSP, k)), entities);
        diff(bspImages, bsps, EntityKind.BSP, EntityFields.BSP, EntityFields::bsp, k -> k, (k, r) ->
                keys.add(RecordedChange.key(RecordedChange.BSP, k)), entities);
        diff(valuePropImages, valueProps, EntityKind.VALUE_PROP, EntityFields.VALUE_PROP, EntityFields::valueProp,
                k -> k.mspId() + ":" + k.valuePropId(), (k, r) -> { }, entities);
        diff(bucketImages, buckets, EntityKind.BUCKET, EntityFields.BUCKET, EntityFields::bucket, k -> k, (k, r) -> {
            keys.add(RecordedChange.key(RecordedChange.BUCKET, k));
            keys.add(RecordedChange.key(RecordedChange.IN_BUCKET, k));
            keys.add(RecordedChange.key(RecordedChange.ACCOUNT, r.owner));
        }, entities);
        diff(fileImages, files, EntityKind.FILE, EntityFields.FILE,
                (before, after) -> EntityFields.file(before, after, bspsChanged(after.fileKey)), k -> k, (k, r) -> {
                    keys.add(RecordedChange.key(RecordedChange.FILE, k));
                    keys.add(RecordedChange.key(RecordedChange.IN_BUCKET, r.bucketId));
                    keys.add(RecordedChange.key(RecordedChange.ACCOUNT, r.owner));
                }, entities);
        diff(streamImages, streams, EntityKind.PAYMENT_STREAM, EntityFields.PAYMENT_STREAM, EntityFields::stream,
                k -> k.userAccount() + ":" + k.providerId(), (k, r) ->
                        keys.add(RecordedChange.key(RecordedChange.ACCOUNT, k.userAccount())), entities);
        recorded.add(new RecordedChange(new ChangeView(envelope.position(), envelope.block().hash().hex(),
                envelope.block().timestamp(), envelope.event().pallet(), envelope.event().getClass().getSimpleName(),
                dataJson, entities), List.copyOf(keys)));
    }

    private boolean bspsChanged(String fileKey) {
        Set<String> before = bspsBefore.get(fileKey);
        return before != null && !before.equals(associationsByFile.get(fileKey).keySet());
    }

    private <K, R> void diff(Images<K, R> images, Cache<K, R> rows, EntityKind kind,
                                                   List<String> allFields, BiFunction<R, R, List<String>> fields,
                                                   Function<K, String> id, BiConsumerKey<K, R> keys,
                                                   List<ChangedEntity> entities) {
        if (images.touched.isEmpty()) {
            return;
        }
        List<K> touched = new ArrayList<>(images.touched);
        if (touched.size() > 1) {
            touched.sort(java.util.Comparator.comparing(id));
        }
        for (K key : touched) {
            R before = images.before.get(key);
            R after = rows.row(key);
            List<String> changed;
            if (after == null) {
                if (before == null) {
                    continue;
                }
                changed = List.of();
                keys.accept(key, before);
            } else {
                changed = before == null ? allFields : fields.apply(before, after);
                if (changed.isEmpty()) {
                    continue;
                }
                keys.accept(key, after);
            }
            entities.add(new ChangedEntity(kind, id.apply(key), changed));
        }
    }

    @FunctionalInterface
    private interface BiConsumerKey<K, R> {
        void accept(K key, R row);
    }

    private <K, R> R seen(Images<K, R> images, K key, R row) {
        if (recording && !images.before.containsKey(key)) {
            images.before.put(key, row == null ? null : images.copy.apply(row));
        }
        return row;
    }

    private <K, R> void touched(Images<K, R> images, K key) {
        if (recording) {
            images.before.putIfAbsent(key, null);
            images.touched.add(key);
        }
    }

    private void associationsTouched(String fileKey) {
        if (recording && !bspsBefore.containsKey(fileKey)) {
            bspsBefore.put(fileKey, new HashSet<>(associationsByFile.get(fileKey).keySet()));
        }
    }

    /** The rows of one kind as they were when first handed out during the event (null: absent), and those changed. */
    private static final class Images<K, R> {
        final UnaryOperator<R> copy;
        Map<K, R> before = new HashMap<>();
        Set<K> touched = new LinkedHashSet<>();

        Images(UnaryOperator<R> copy) {
            this.copy = copy;
        }

        void clear() {
            if (before.size() > SMALL) {
                before = new HashMap<>(); // clearing keeps the grown table, and every later clear walks all of it
                touched = new LinkedHashSet<>();
            } else {
                before.clear();
                touched.clear();
            }
        }
    }

    private void loadAssociationsOfFiles(Collection<String> fileKeys) {
        List<String> missing = null;
        for (String fileKey : fileKeys) {
            if (!associationsByFile.containsKey(fileKey)) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                associationsByFile.put(fileKey, new HashMap<>()); // counted once, filled below
                missing.add(fileKey);
            }
        }
        if (missing == null) {
            return;
        }
        List<FileBspRow> loaded;
        try {
            loaded = loader.associationsOfFiles(chain, missing);
        } catch (RuntimeException | Error e) {
            missing.forEach(associationsByFile::remove); // not read after all
            throw e;
        }
        for (FileBspRow row : loaded) {
            associationsByFile.get(row.fileKey()).put(row.bspId(), row);
            filesByBsp.computeIfAbsent(row.bspId(), b -> new HashSet<>()).add(row.fileKey());
        }
    }

    private record AssociationKey(String bspId, String fileKey) {
    }

    /**
     * Rows by key, remembering keys known to be absent and which rows changed: one map of entries, so a read is
     * one lookup and a change at most two.
     */
    private static final class Cache<K, V> {
        private final Map<K, Entry<V>> entries = new HashMap<>();
        /** Entries in the order they last became dirty; an entry counts at the index it last took. */
        private final List<Entry<V>> dirtyOrder = new ArrayList<>();

        V get(K key, Function<Collection<K>, Map<K, V>> load) {
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                loadAll(List.of(key), load);
                entry = entries.get(key);
            }
            return entry.row;
        }

        /** The row held for a key; null when absent or never read. */
        V row(K key) {
            Entry<V> entry = entries.get(key);
            return entry == null ? null : entry.row;
        }

        void loadAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> load) {
            List<K> missing = null;
            for (K key : keys) {
                if (!entries.containsKey(key)) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    entries.put(key, new Entry<>(null)); // known (absent unless loaded below), and counted once
                    missing.add(key);
                }
            }
            if (missing == null) {
                return;
            }
            Map<K, V> loaded;
            try {
                loaded = load.apply(missing);
            } catch (RuntimeException | Error e) {
                missing.forEach(entries::remove); // not read after all
                throw e;
            }
            loaded.forEach((key, row) -> {
                Entry<V> entry = entries.get(key);
                if (entry != null) {
                    entry.row = row;
                }
            });
        }

        void put(K key, V row) {
            Entry<V> entry = entries.get(key);
            if (entry == null) {
                entry = new Entry<>(row);
                entries.put(key, entry);
            } else {
                entry.row = row;
            }
            if (entry.dirtyAt < 0) {
                entry.dirtyAt = dirtyOrder.size();
                dirtyOrder.add(entry);
            }
        }

        void remove(K key) {
            Entry<V> entry = entries.computeIfAbsent(key, k -> new Entry<>(null));
            entry.row = null;
            entry.dirtyAt = -1;
        }

        List<V> present() {
            List<V> result = new ArrayList<>(entries.size());
            for (Entry<V> entry : entries.values()) {
                if (entry.row != null) {
                    result.add(entry.row);
                }
            }
            return result;
        }

        List<V> dirtyRows() {
            List<V> result = new ArrayList<>(dirtyOrder.size());
            for (int i = 0; i < dirtyOrder.size(); i++) {
                Entry<V> entry = dirtyOrder.get(i);
                if (entry.dirtyAt == i && entry.row != null) {
                    result.add(entry.row);
                }
            }
            return result;
        }

        private static final class Entry<V> {
            V row;
            int dirtyAt = -1;

            Entry(V row) {
                this.row = row;
            }
        }
    }
}
