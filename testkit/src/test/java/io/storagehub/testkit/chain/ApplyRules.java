package io.storagehub.testkit.chain;

import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An independent, deliberately plain reading of the apply rules (which events are applied, which rejected and
 * why), used to check the verdicts the generator claims. It keeps every entity forever.
 */
final class ApplyRules {
    private static final Set<String> LIVE = Set.of("requested", "stored", "deletion_requested");

    private final Map<String, Boolean> providerIsMsp = new HashMap<>();
    private final Set<String> valueProps = new HashSet<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, File> files = new HashMap<>();
    private final Map<String, Boolean> streamIsFixed = new HashMap<>();
    final ProviderRules providers = new ProviderRules();
    final FileRules fileRules = new FileRules();

    static final class Bucket {
        String msp;
        boolean deleted;
        int liveFiles;
    }

    static final class File {
        String status;
        final String bucket;

        File(String bucket) {
            this.bucket = bucket;
        }
    }

    /** The verdict on {@code event}; applies it when the verdict is APPLIED. */
    Verdict apply(ChainEvent event) {
        if (event instanceof NotProjected) {
            return Verdict.NOT_PROJECTED;
        }
        if (event instanceof ProvidersEvent) {
            return providers.apply((ProvidersEvent) event);
        }
        if (event instanceof FileSystemEvent) {
            return fileRules.apply((FileSystemEvent) event);
        }
        return streams((PaymentStreamsEvent) event);
    }

    int liveFiles(String bucketId) {
        return buckets.get(bucketId).liveFiles;
    }

    long bucketsOf(String mspId) {
        return buckets.values().stream().filter(b -> !b.deleted && mspId.equals(b.msp)).count();
    }

    boolean isMsp(String id) {
        return Boolean.TRUE.equals(providerIsMsp.get(id));
    }

    boolean isBsp(String id) {
        return Boolean.FALSE.equals(providerIsMsp.get(id));
    }

    boolean providerExists(String id) {
        return providerIsMsp.containsKey(id);
    }

    boolean bucketLive(String id) {
        Bucket b = buckets.get(id);
        return b != null && !b.deleted;
    }

    boolean fileLive(String key) {
        File f = files.get(key);
        return f != null && LIVE.contains(f.status);
    }

    private Verdict streams(PaymentStreamsEvent e) {
        String key = e.userAccount().hex() + "/" + e.providerId().hex();
        Boolean fixed = streamIsFixed.get(key);
        if (e instanceof PaymentStreamsEvent.FixedRatePaymentStreamCreated
                || e instanceof PaymentStreamsEvent.DynamicRatePaymentStreamCreated) {
            if (!providerExists(e.providerId().hex())) {
                return Verdict.UNKNOWN_ENTITY;
            }
            if (fixed != null) {
                return Verdict.ALREADY_EXISTS;
            }
            streamIsFixed.put(key, e instanceof PaymentStreamsEvent.FixedRatePaymentStreamCreated);
            return Verdict.APPLIED;
        }
        if (fixed == null) {
            return Verdict.UNKNOWN_ENTITY;
        }
        boolean fixedOp = e instanceof PaymentStreamsEvent.FixedRatePaymentStreamUpdated
                || e instanceof PaymentStreamsEvent.FixedRatePaymentStreamDeleted;
        boolean dynamicOp = e instanceof PaymentStreamsEvent.DynamicRatePaymentStreamUpdated
                || e instanceof PaymentStreamsEvent.DynamicRatePaymentStreamDeleted;
        if ((fixedOp && !fixed) || (dynamicOp && fixed)) {
            return Verdict.MISMATCH;
        }
        if (e instanceof PaymentStreamsEvent.FixedRatePaymentStreamDeleted
                || e instanceof PaymentStreamsEvent.DynamicRatePaymentStreamDeleted) {
            streamIsFixed.remove(key);
        }
        return Verdict.APPLIED;
    }

    final class ProviderRules {
        Verdict apply(ProvidersEvent e) {
            if (e instanceof ProvidersEvent.MspSignUpSuccess) {
                ProvidersEvent.MspSignUpSuccess s = (ProvidersEvent.MspSignUpSuccess) e;
                if (providerExists(s.mspId().hex())) {
                    return Verdict.ALREADY_EXISTS;
                }
                providerIsMsp.put(s.mspId().hex(), true);
                valueProps.add(s.mspId().hex() + "/" + s.valueProp().id().hex());
                return Verdict.APPLIED;
            }
            if (e instanceof ProvidersEvent.BspSignUpSuccess) {
                ProvidersEvent.BspSignUpSuccess s = (ProvidersEvent.BspSignUpSuccess) e;
                if (providerExists(s.bspId().hex())) {
                    return Verdict.ALREADY_EXISTS;
                }
                providerIsMsp.put(s.bspId().hex(), false);
                return Verdict.APPLIED;
            }
            if (e instanceof ProvidersEvent.MspSignOffSuccess) {
                return known(isMsp(((ProvidersEvent.MspSignOffSuccess) e).mspId().hex()));
            }
            if (e instanceof ProvidersEvent.BspSignOffSuccess) {
                return known(isBsp(((ProvidersEvent.BspSignOffSuccess) e).bspId().hex()));
            }
            if (e instanceof ProvidersEvent.CapacityChanged) {
                return known(providerExists(((ProvidersEvent.CapacityChanged) e).providerId().hex()));
            }
            if (e instanceof ProvidersEvent.MultiAddressAdded) {
                return known(providerExists(((ProvidersEvent.MultiAddressAdded) e).providerId().hex()));
            }
            if (e instanceof ProvidersEvent.MultiAddressRemoved) {
                return known(providerExists(((ProvidersEvent.MultiAddressRemoved) e).providerId().hex()));
            }
            if (e instanceof ProvidersEvent.Slashed) {
                return known(providerExists(((ProvidersEvent.Slashed) e).providerId().hex()));
            }
            if (e instanceof ProvidersEvent.ValuePropAdded) {
                ProvidersEvent.ValuePropAdded a = (ProvidersEvent.ValuePropAdded) e;
                if (!isMsp(a.mspId().hex())) {
                    return Verdict.UNKNOWN_ENTITY;
                }
                return valueProps.add(a.mspId().hex() + "/" + a.valuePropId().hex())
                        ? Verdict.APPLIED : Verdict.ALREADY_EXISTS;
            }
            if (e instanceof ProvidersEvent.ValuePropUnavailable) {
                ProvidersEvent.ValuePropUnavailable u = (ProvidersEvent.ValuePropUnavailable) e;
                return known(valueProps.contains(u.mspId().hex() + "/" + u.valuePropId().hex()));
            }
            if (e instanceof ProvidersEvent.BucketRootChanged) {
                return known(buckets.containsKey(((ProvidersEvent.BucketRootChanged) e).bucketId().hex()));
            }
            if (e instanceof ProvidersEvent.BspRootChanged) {
                return known(isBsp(((ProvidersEvent.BspRootChanged) e).bspId().hex()));
            }
            throw new AssertionError("unhandled " + e);
        }
    }

    static Verdict known(boolean exists) {
        return exists ? Verdict.APPLIED : Verdict.UNKNOWN_ENTITY;
    }

    final class FileRules {
        Verdict apply(FileSystemEvent e) {
            if (e instanceof FileSystemEvent.NewBucket) {
                return newBucket((FileSystemEvent.NewBucket) e);
            }
            if (e instanceof FileSystemEvent.BucketPrivacyUpdated) {
                return known(bucketLive(((FileSystemEvent.BucketPrivacyUpdated) e).bucketId().hex()));
            }
            if (e instanceof FileSystemEvent.MoveBucketAccepted) {
                FileSystemEvent.MoveBucketAccepted m = (FileSystemEvent.MoveBucketAccepted) e;
                String msp = m.newMspId().hex();
                if (!bucketLive(m.bucketId().hex()) || !isMsp(msp)
                        || !valueProps.contains(msp + "/" + m.valuePropId().hex())) {
                    return Verdict.UNKNOWN_ENTITY;
                }
                buckets.get(m.bucketId().hex()).msp = msp;
                return Verdict.APPLIED;
            }
            if (e instanceof FileSystemEvent.MspStoppedStoringBucket) {
                FileSystemEvent.MspStoppedStoringBucket s = (FileSystemEvent.MspStoppedStoringBucket) e;
                if (!bucketLive(s.bucketId().hex())) {
                    return Verdict.UNKNOWN_ENTITY;
                }
                Bucket b = buckets.get(s.bucketId().hex());
                if (!s.mspId().hex().equals(b.msp)) {
                    return Verdict.MISMATCH;
                }
                b.msp = null;
                return Verdict.APPLIED;
            }
            if (e instanceof FileSystemEvent.BucketDeleted) {
                String id = ((FileSystemEvent.BucketDeleted) e).bucketId().hex();
                if (!bucketLive(id)) {
                    return Verdict.UNKNOWN_ENTITY;
                }
                buckets.get(id).deleted = true;
                return Verdict.APPLIED;
            }
            if (e instanceof FileSystemEvent.NewStorageRequest) {
                return newStorageRequest((FileSystemEvent.NewStorageRequest) e);
            }
            return FileStatusRules.apply(ApplyRules.this, e);
        }

        private Verdict newBucket(FileSystemEvent.NewBucket n) {
            if (n.mspId() != null && !isMsp(n.mspId().hex())) {
                return Verdict.UNKNOWN_ENTITY;
            }
            if (n.mspId() != null && n.valuePropId() != null
                    && !valueProps.contains(n.mspId().hex() + "/" + n.valuePropId().hex())) {
                return Verdict.UNKNOWN_ENTITY;
            }
            if (buckets.containsKey(n.bucketId().hex())) {
                return Verdict.ALREADY_EXISTS;
            }
            Bucket b = new Bucket();
            b.msp = n.mspId() == null ? null : n.mspId().hex();
            buckets.put(n.bucketId().hex(), b);
            return Verdict.APPLIED;
        }

        private Verdict newStorageRequest(FileSystemEvent.NewStorageRequest r) {
            if (!bucketLive(r.bucketId().hex())) {
                return Verdict.UNKNOWN_ENTITY;
            }
            if (fileLive(r.fileKey().hex())) {
                return Verdict.ALREADY_EXISTS;
            }
            File f = files.computeIfAbsent(r.fileKey().hex(), k -> new File(r.bucketId().hex()));
            setStatus(f, "requested");
            return Verdict.APPLIED;
        }
    }

    File file(String key) {
        return files.get(key);
    }

    /** Moves a file to {@code status}, keeping its bucket's live-file count. */
    void setStatus(File f, String status) {
        boolean wasLive = f.status != null && LIVE.contains(f.status);
        boolean isLive = LIVE.contains(status);
        f.status = status;
        if (wasLive != isLive) {
            buckets.get(f.bucket).liveFiles += isLive ? 1 : -1;
        }
    }
}
