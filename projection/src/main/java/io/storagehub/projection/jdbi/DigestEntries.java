package io.storagehub.projection.jdbi;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The packed digests of one block's consumed positions, as stored in {@code event_digest.entries}: per event
 * 12 bytes, its index (u32, big-endian) then its 64-bit digest. Appending two packings concatenates them.
 */
public final class DigestEntries {
    public static final int ENTRY_BYTES = Integer.BYTES + Long.BYTES;
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private DigestEntries() {
    }

    /** One index and digest. */
    public record Entry(long index, long digest) {
        public Entry {
            if (index < 0 || index > U32_MAX) {
                throw new IllegalArgumentException("event index must be a u32, got " + index);
            }
        }
    }

    public static byte[] pack(List<Entry> entries) {
        ByteBuffer buffer = ByteBuffer.allocate(entries.size() * ENTRY_BYTES);
        for (Entry entry : entries) {
            buffer.putInt((int) entry.index()).putLong(entry.digest());
        }
        return buffer.array();
    }

    static String packHex(List<Entry> entries) {
        return HexFormat.of().formatHex(pack(entries));
    }

    /** The digests of a block by event index (a later entry for the same index wins). */
    public static Map<Long, Long> unpack(byte[] packed) {
        if (packed.length % ENTRY_BYTES != 0) {
            throw new IllegalStateException("event digest entries of " + packed.length + " bytes are not a multiple of "
                    + ENTRY_BYTES);
        }
        Map<Long, Long> byIndex = new HashMap<>();
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        while (buffer.hasRemaining()) {
            long index = Integer.toUnsignedLong(buffer.getInt());
            byIndex.put(index, buffer.getLong());
        }
        return byIndex;
    }
}
