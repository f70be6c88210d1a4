package io.storagehub.testkit.chain;

import io.storagehub.schema.event.BlockRef;
import io.storagehub.schema.event.ChainEvent;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.Hash32;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.schema.value.U64;
import io.storagehub.schema.value.ValuePropId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written chains for tests: wraps events in envelopes at consecutive positions (every {@link #next} is the
 * next index of the current block; {@link #nextBlock} starts a new block), with readable numbered ids
 * ({@code provider(1)}, {@code bucket(2)}, {@code file(3)}, {@code account(4)}) and short-hands for the events
 * tests use most.
 */
public final class ChainScript {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final String chain;
    private long block = 1;
    private long index = 0;
    private final List<Envelope> emitted = new ArrayList<>();

    private ChainScript(String chain) {
        this.chain = chain;
    }

    public static ChainScript on(String chain) {
        return new ChainScript(chain);
    }

    public String chain() {
        return chain;
    }

    /** Every envelope emitted so far, in order. */
    public List<Envelope> emitted() {
        return List.copyOf(emitted);
    }

    /** The event at the next position of the current block. */
    public Envelope next(ChainEvent event) {
        Envelope envelope = new Envelope(chain, blockRef(block), index++, event);
        emitted.add(envelope);
        return envelope;
    }

    /** Starts the next block; the next event gets index 0. */
    public ChainScript nextBlock() {
        block++;
        index = 0;
        return this;
    }

    public long block() {
        return block;
    }

    public static BlockRef blockRef(long number) {
        return new BlockRef(number, hash(1_000_000 + number), hash(1_000_000 + number - 1),
                EPOCH.plusSeconds(6 * number));
    }

    public static ProviderId provider(int n) {
        return ProviderId.of(hex(0xA, n, 64));
    }

    public static BucketId bucket(int n) {
        return BucketId.of(hex(0xB, n, 64));
    }

    public static FileKey file(int n) {
        return FileKey.of(hex(0xF, n, 64));
    }

    public static ValuePropId valueProp(int n) {
        return ValuePropId.of(hex(0xE, n, 64));
    }

    public static AccountId account(int n) {
        return AccountId.of(hex(0xC, n, 40));
    }

    public static Hash32 hash(long n) {
        return Hash32.of(hex(0xD, n, 64));
    }

    private static String hex(int kind, long n, int length) {
        String digits = Long.toHexString(n);
        return "0x" + Integer.toHexString(kind) + "0".repeat(length - 1 - digits.length()) + digits;
    }

    // ---- short-hands for common events ----

    public Envelope mspSignUp(int msp, int valueProp) {
        return next(new ProvidersEvent.MspSignUpSuccess(account(1000 + msp), provider(msp), U64.of(1_000_000_000L),
                List.of("/ip4/127.0.0.1/tcp/" + (30000 + msp)),
                new ProvidersEvent.SignUpValueProp(valueProp(valueProp), Balance.of(100), Bytes.of("0x01"),
                        U64.of(1_000_000))));
    }

    public Envelope bspSignUp(int bsp) {
        return next(new ProvidersEvent.BspSignUpSuccess(account(2000 + bsp), provider(bsp), hash(bsp),
                U64.of(5_000_000_000L), List.of("/ip4/127.0.0.2/tcp/" + (30000 + bsp))));
    }

    public Envelope newBucket(int bucket, int owner, Integer msp, Integer valueProp) {
        return next(new FileSystemEvent.NewBucket(account(owner), msp == null ? null : provider(msp),
                bucket(bucket), "bucket-" + bucket, hash(bucket), null, false,
                valueProp == null ? null : valueProp(valueProp)));
    }

    public Envelope newStorageRequest(int file, int bucket, int owner, String location, long size) {
        return next(new FileSystemEvent.NewStorageRequest(account(owner), file(file), bucket(bucket),
                Location.of(location), hash(file), U64.of(size), List.of("peer-" + file), 1000, 2));
    }

    public Envelope mspAccepted(int file) {
        return next(new FileSystemEvent.MspAcceptedStorageRequest(file(file)));
    }

    public Envelope bspConfirmed(int bsp, int... files) {
        List<FileKey> keys = new ArrayList<>();
        for (int f : files) {
            keys.add(file(f));
        }
        return next(new FileSystemEvent.BspConfirmedStoring(account(2000 + bsp), provider(bsp), keys, List.of(),
                hash(5000 + index)));
    }

    public Envelope fulfilled(int file) {
        return next(new FileSystemEvent.StorageRequestFulfilled(file(file)));
    }

    public Envelope notProjected() {
        return next(new NotProjected("System", "ExtrinsicSuccess", "{}"));
    }
}
