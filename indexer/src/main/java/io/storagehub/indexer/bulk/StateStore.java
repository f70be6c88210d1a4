package io.storagehub.indexer.bulk;

import io.storagehub.projection.table.RowCodec;
import io.storagehub.projection.table.Table;
import io.storagehub.projection.table.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The bulk mode's key-value state on local disk: RocksDB (the embedded store Kafka Streams and Flink keep their
 * state in), one column family per read-model table plus the associations by file and the event digests. Holds
 * what does not fit the heap; nothing in it needs to survive a crash (a bulk run that stops begins again), so
 * writes skip RocksDB's write-ahead log. The directory is emptied on open and deleted on close.
 */
final class StateStore implements AutoCloseable {
    /** Associations (file_bsp rows) by chain and file: each file's BSPs in one value ({@link AssociationSets}). */
    static final String ASSOCIATIONS_BY_FILE = "file_bsp_by_file";
    /** Packed event digests keyed by chain and block (8 bytes, big-endian, so blocks sort). */
    static final String EVENT_DIGEST = "event_digest";
    private static final long BLOCK_CACHE_BYTES = 128L << 20;
    private static final long WRITE_BUFFER_BYTES = 32L << 20;

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final Cache blockCache;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Map<String, ColumnFamilyHandle> families = new HashMap<>();

    private StateStore(Path directory) throws RocksDBException {
        this.directory = directory;
        blockCache = new LRUCache(BLOCK_CACHE_BYTES);
        cfOptions = new ColumnFamilyOptions()
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMemtableWholeKeyFiltering(true)
                .setMemtablePrefixBloomSizeRatio(0.1)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(blockCache)
                        .setFilterPolicy(new BloomFilter(10)));
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2);
        writeOptions = new WriteOptions().setDisableWAL(true);
        List<String> names = new ArrayList<>();
        names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY));
        Tables.ALL.forEach(t -> names.add(t.name()));
        names.add(ASSOCIATIONS_BY_FILE);
        names.add(EVENT_DIGEST);
        List<ColumnFamilyDescriptor> descriptors = names.stream()
                .map(n -> new ColumnFamilyDescriptor(n.getBytes(java.nio.charset.StandardCharsets.UTF_8), cfOptions))
                .toList();
        db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        for (int i = 0; i < names.size(); i++) {
            families.put(names.get(i), handles.get(i));
        }
    }

    /** Opens an empty store in {@code directory} (whatever it held is deleted first). */
    static StateStore openEmpty(Path directory) {
        deleteRecursively(directory);
        try {
            Files.createDirectories(directory);
            return new StateStore(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bulk state directory " + directory, e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open the bulk state store in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    ColumnFamilyHandle family(String name) {
        ColumnFamilyHandle handle = families.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("no column family " + name);
        }
        return handle;
    }

    /** The values of these keys (null where absent), in key order. */
    List<byte[]> getAll(String family, List<byte[]> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        ColumnFamilyHandle handle = family(family);
        try {
            return db.multiGetAsList(java.util.Collections.nCopies(keys.size(), handle), keys);
        } catch (RocksDBException e) {
            throw failure("reading " + family, e);
        }
    }

    /** Every key and value whose key starts with {@code prefix}, in key order. */
    void scan(String family, byte[] prefix, BiConsumer<byte[], byte[]> entry) {
        try (ReadOptions options = new ReadOptions().setPrefixSameAsStart(false);
             RocksIterator it = db.newIterator(family(family), options)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                entry.accept(it.key(), it.value());
            }
        }
    }

    /** Every row of a table in key order, decoded. */
    <R> void forEachRow(Table<R> table, java.util.function.Consumer<R> row) {
        scan(table.name(), new byte[0], (key, value) -> row.accept(RowCodec.decode(table, value)));
    }

    /** An estimate of the number of keys of a column family. */
    long estimatedKeys(String family) {
        try {
            return db.getLongProperty(family(family), "rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw failure("reading the size of " + family, e);
        }
    }

    void write(WriteBatch batch) {
        try {
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("writing", e);
        }
    }

    private IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("bulk state store in " + directory + ": " + what + " failed: "
                + e.getMessage() + " (is its disk full? set STORAGEHUB_INDEXER_BULK_DIR to a larger one)", e);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        writeOptions.close();
        dbOptions.close();
        cfOptions.close();
        blockCache.close();
        deleteRecursively(directory);
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bulk state directory " + directory, e);
        }
    }
}
