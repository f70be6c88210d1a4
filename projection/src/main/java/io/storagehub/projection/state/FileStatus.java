package io.storagehub.projection.state;

import java.util.Set;

/** The read model's file statuses, and which of them count where. */
public final class FileStatus {
    public static final String REQUESTED = "requested";
    public static final String STORED = "stored";
    public static final String EXPIRED = "expired";
    public static final String REVOKED = "revoked";
    public static final String REJECTED = "rejected";
    public static final String DELETION_REQUESTED = "deletion_requested";
    public static final String DELETED = "deleted";

    /** Statuses counted in a bucket's fileCount/totalSize; a new request may not reuse a key in one of them. */
    public static final Set<String> IN_BUCKET = Set.of(REQUESTED, STORED, DELETION_REQUESTED);

    private FileStatus() {
    }
}
