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
    private final Map<String, Set<String>> bspsBefore = new HashMap<>();
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
        List<String> result = new ArrayList<>();
        associationsByFile.forEach((fileKey, byBsp) -> {
            if (byBsp.containsKey(bspId)) {
                result.add(fileKey);
            }
        });
        result.sort(null);
        return result;
    }

    public void addAssociation(FileBspRow row) {
        loadAssociationsOfFiles(List.of(row.fileKey()));
        associationsTouched(row.fileKey());
        associationsByFile.get(row.fileKey()).put(row.bspId(), row);
        addedAssociations.put(new AssociationKey(row.bspId(), row.fileKey()), row);
    }

    public void removeAssociation(FileBspRow row) {
        loadAssociationsOfFiles(List.of(row.fileKey()));
        associationsTouched(row.fileKey());
        associationsByFile.get(row.fileKey()).remove(row.bspId());
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
            bspsBefore.clear();
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
            R after = rows.rows.get(key);
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
        final Map<K, R> before = new HashMap<>();
        final Set<K> touched = new LinkedHashSet<>();

        Images(UnaryOperator<R> copy) {
            this.copy = copy;
        }

        void clear() {
            before.clear();
            touched.clear();
        }
    }

    private void loadAssociationsOfFiles(Collection<String> fileKeys) {
        List<String> missing = fileKeys.stream().filter(k -> !associationsByFile.containsKey(k)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(k -> associationsByFile.put(k, new HashMap<>()));
        for (FileBspRow row : loader.associationsOfFiles(chain, missing)) {
            associationsByFile.get(row.fileKey()).put(row.bspId(), row);
        }
    }

    private record AssociationKey(String bspId, String fileKey) {
    }

    /** Rows by key, remembering keys known to be absent and which rows changed. */
    private static final class Cache<K, V> {
        final Map<K, V> rows = new HashMap<>();
        private final Set<K> known = new HashSet<>();
        private final Set<K> dirty = new LinkedHashSet<>();

        V get(K key, Function<Collection<K>, Map<K, V>> load) {
            if (!known.contains(key)) {
                loadAll(List.of(key), load);
            }
            return rows.get(key);
        }

        void loadAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> load) {
            List<K> missing = keys.stream().filter(k -> !known.contains(k)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            Map<K, V> loaded = load.apply(missing);
            known.addAll(missing);
            rows.putAll(loaded);
        }

        void put(K key, V row) {
            known.add(key);
            rows.put(key, row);
            dirty.add(key);
        }

        void remove(K key) {
            known.add(key);
            rows.remove(key);
            dirty.remove(key);
        }

        Collection<V> present() {
            return rows.values();
        }

        List<V> dirtyRows() {
            List<V> result = new ArrayList<>(dirty.size());
            for (K key : dirty) {
                V row = rows.get(key);
                if (row != null) {
                    result.add(row);
                }
            }
            return result;
        }
    }
}
