package io.storagehub.schema.readmodel;

import java.math.BigInteger;

/**
 * A sub-folder in a bucket's tree: {@code name} is its last path segment, {@code path} its full path with a
 * trailing {@code /}. Counts cover the listed (not deleted) files anywhere under it.
 */
public record FolderView(String name, String path, long fileCount, BigInteger totalSize) {
}
