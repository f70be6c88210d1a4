package io.storagehub.projection.state;

import io.storagehub.schema.readmodel.EntityKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The API field names of each entity (those of the JSON the query API serves for an MSP, a BSP, a bucket, a
 * file, and for a value proposition and a payment stream those of their JSON in an MSP's detail and in the
 * payment-stream lists), and which of them differ between two images of a row. A file's {@code mspId} is its
 * bucket's (a move of the bucket changes the bucket row, not the file's) and is named only on creation; its
 * {@code bsps} is named when the set of BSPs storing it changed.
 */
public final class EntityFields {
    public static final List<String> MSP = List.of("mspId", "account", "capacity", "usedCapacity", "multiaddresses",
            "status", "slashedTotal", "signedUpAt", "bucketCount", "createdAt", "updatedAt");
    public static final List<String> BSP = List.of("bspId", "account", "capacity", "usedCapacity", "root",
            "multiaddresses", "status", "slashedTotal", "signedUpAt", "fileCount", "createdAt", "updatedAt");
    public static final List<String> VALUE_PROP = List.of("valuePropId", "pricePerGigaUnitOfDataPerBlock",
            "commitment", "bucketDataLimit", "available", "createdAt", "updatedAt");
    public static final List<String> BUCKET = List.of("bucketId", "owner", "mspId", "name", "root", "private",
            "collectionId", "valuePropId", "fileCount", "totalSize", "deleted", "createdAt", "updatedAt");
    public static final List<String> FILE = List.of("fileKey", "bucketId", "owner", "location", "fingerprint", "size",
            "peerIds", "status", "mspConfirmed", "mspId", "bsps", "bspsRequired", "replicas", "expiresAt",
            "rejectReason", "createdAt", "updatedAt", "fullyReplicated");
    public static final List<String> PAYMENT_STREAM = List.of("userAccount", "providerId", "kind", "rate",
            "amountProvided", "totalCharged", "lastTickCharged", "createdAt", "updatedAt");

    private static final Map<EntityKind, Map<String, Integer>> BITS = bits();

    private EntityFields() {
    }

    /** The position of {@code field} in its kind's list (its bit in a stored change), -1 if it is none of them. */
    public static int bit(EntityKind kind, String field) {
        // the diffs name fields with these very strings (literals), found by identity before any hashing
        List<String> fields = of(kind);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == field) {
                return i;
            }
        }
        return BITS.get(kind).getOrDefault(field, -1);
    }

    private static Map<EntityKind, Map<String, Integer>> bits() {
        Map<EntityKind, Map<String, Integer>> bits = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            Map<String, Integer> byName = new HashMap<>();
            List<String> fields = of(kind);
            for (int i = 0; i < fields.size(); i++) {
                byName.put(fields.get(i), i);
            }
            bits.put(kind, byName);
        }
        return bits;
    }

    /** The API fields of a kind, in API order. */
    public static List<String> of(EntityKind kind) {
        return switch (kind) {
            case MSP -> MSP;
            case BSP -> BSP;
            case VALUE_PROP -> VALUE_PROP;
            case BUCKET -> BUCKET;
            case FILE -> FILE;
            case PAYMENT_STREAM -> PAYMENT_STREAM;
        };
    }

    static List<String> msp(MspRow a, MspRow b) {
        return new Diff()
                .field("mspId", a.mspId, b.mspId)
                .field("account", a.account, b.account)
                .field("capacity", a.capacity, b.capacity)
                .field("usedCapacity", a.usedCapacity, b.usedCapacity)
                .field("multiaddresses", a.multiaddresses, b.multiaddresses)
                .field("status", a.status, b.status)
                .field("slashedTotal", a.slashedTotal, b.slashedTotal)
                .field("signedUpAt", a.signedUpAt, b.signedUpAt)
                .field("bucketCount", a.bucketCount, b.bucketCount)
                .field("createdAt", a.created, b.created)
                .field("updatedAt", a.updated, b.updated)
                .names;
    }

    static List<String> bsp(BspRow a, BspRow b) {
        return new Diff()
                .field("bspId", a.bspId, b.bspId)
                .field("account", a.account, b.account)
                .field("capacity", a.capacity, b.capacity)
                .field("usedCapacity", a.usedCapacity, b.usedCapacity)
                .field("root", a.root, b.root)
                .field("multiaddresses", a.multiaddresses, b.multiaddresses)
                .field("status", a.status, b.status)
                .field("slashedTotal", a.slashedTotal, b.slashedTotal)
                .field("signedUpAt", a.signedUpAt, b.signedUpAt)
                .field("fileCount", a.fileCount, b.fileCount)
                .field("createdAt", a.created, b.created)
                .field("updatedAt", a.updated, b.updated)
                .names;
    }

    static List<String> valueProp(ValuePropRow a, ValuePropRow b) {
        return new Diff()
                .field("valuePropId", a.valuePropId, b.valuePropId)
                .field("pricePerGigaUnitOfDataPerBlock", a.pricePerGigaUnitOfDataPerBlock,
                        b.pricePerGigaUnitOfDataPerBlock)
                .field("commitment", a.commitment, b.commitment)
                .field("bucketDataLimit", a.bucketDataLimit, b.bucketDataLimit)
                .field("available", a.available, b.available)
                .field("createdAt", a.created, b.created)
                .field("updatedAt", a.updated, b.updated)
                .names;
    }

    static List<String> bucket(BucketRow a, BucketRow b) {
        return new Diff()
                .field("bucketId", a.bucketId, b.bucketId)
                .field("owner", a.owner, b.owner)
                .field("mspId", a.mspId, b.mspId)
                .field("name", a.name, b.name)
                .field("root", a.root, b.root)
                .field("private", a.isPrivate, b.isPrivate)
                .field("collectionId", a.collectionId, b.collectionId)
                .field("valuePropId", a.valuePropId, b.valuePropId)
                .field("fileCount", a.fileCount, b.fileCount)
                .field("totalSize", a.totalSize, b.totalSize)
                .field("deleted", a.deleted, b.deleted)
                .field("createdAt", a.created, b.created)
                .field("updatedAt", a.updated, b.updated)
                .names;
    }

    /** {@code bspsChanged}: whether the set of BSPs storing the file differs. */
    static List<String> file(FileRow a, FileRow b, boolean bspsChanged) {
        return new Diff()
                .field("fileKey", a.fileKey, b.fileKey)
                .field("bucketId", a.bucketId, b.bucketId)
                .field("owner", a.owner, b.owner)
                .field("location", a.location, b.location)
                .field("fingerprint", a.fingerprint, b.fingerprint)
                .field("size", a.size, b.size)
                .field("peerIds", a.peerIds, b.peerIds)
                .field("status", a.status, b.status)
                .field("mspConfirmed", a.mspConfirmed, b.mspConfirmed)
                .field("bsps", bspsChanged, false)
                .field("bspsRequired", a.bspsRequired, b.bspsRequired)
                .field("replicas", a.replicas, b.replicas)
                .field("expiresAt", a.expiresAt, b.expiresAt)
                .field("rejectReason", a.rejectReason, b.rejectReason)
                .field("createdAt", a.created, b.created)
                .field("updatedAt", a.updated, b.updated)
                .field("fullyReplicated", a.replicas >= a.bspsRequired, b.replicas >= b.bspsRequired)
                .names;
    }

    static List<String> stream(StreamRow a, StreamRow b) {
        return new Diff()
                .field("userAccount", a.userAccount, b.userAccount)
                .field("providerId", a.providerId, b.providerId)
                .field("kind", a.kind, b.kind)
                .field("rate", a.rate, b.rate)
                .field("amountProvided", a.amountProvided, b.amountProvided)
                .field("totalCharged", a.totalCharged, b.totalCharged)
                .field("lastTickCharged", a.lastTickCharged, b.lastTickCharged)
                .field("createdAt", a.created, b.created)
                .field("updatedAt", a.updated, b.updated)
                .names;
    }

    private static final class Diff {
        final List<String> names = new ArrayList<>(4);

        Diff field(String name, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                names.add(name);
            }
            return this;
        }

        Diff field(String name, long before, long after) {
            if (before != after) {
                names.add(name);
            }
            return this;
        }

        Diff field(String name, boolean before, boolean after) {
            if (before != after) {
                names.add(name);
            }
            return this;
        }
    }
}
