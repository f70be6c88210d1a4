package io.storagehub.projection.jdbi;

import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.Utf8Order;
import java.util.List;

/**
 * The keyset range of a bucket's locations that start with a prefix, in byte order ({@code COLLATE "C"}):
 * {@code (location, fileKey) > (lowerLocation, lowerFileKey) AND location < upperBound}. Both ends bound the
 * index scan, so a page under a prefix costs the same however large the rest of the bucket is, and the prefix
 * is compared as bytes, never as a LIKE pattern.
 */
record LocationRange(String lowerLocation, String lowerFileKey, String upperBound) {
    /** The largest code point: UTF-8 byte order is code point order, and nothing sorts after it. */
    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;
    /**
     * Greater than every location: a location is at most {@link Location#MAX_BYTES} bytes, so it is either a
     * proper prefix of this run of U+10FFFF (4 bytes each) or has a smaller code point before it ends.
     */
    static final String ABOVE_ALL = Character.toString(MAX_CODE_POINT).repeat(Location.MAX_BYTES / 4 + 1);

    /** The files under {@code prefix} strictly after {@code after} ({@code [location, fileKey]}). */
    static LocationRange of(String prefix, List<String> after) {
        String upper = upperBound(prefix);
        if (Utf8Order.compare(after.get(0), prefix) < 0) {
            // every file key is non-empty, so (prefix, "") is just before the first location under the prefix
            return new LocationRange(prefix, "", upper);
        }
        return new LocationRange(after.get(0), after.get(1), upper);
    }

    /**
     * The least string greater than every string starting with {@code prefix}: the prefix with its last code
     * point incremented (dropping trailing U+10FFFF, skipping the surrogate range), or {@link #ABOVE_ALL}.
     */
    static String upperBound(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            int cp = codePoints[i];
            if (cp != MAX_CODE_POINT) {
                int next = cp == Character.MIN_SURROGATE - 1 ? Character.MAX_SURROGATE + 1 : cp + 1;
                return new String(codePoints, 0, i) + Character.toString(next);
            }
        }
        return ABOVE_ALL;
    }
}
