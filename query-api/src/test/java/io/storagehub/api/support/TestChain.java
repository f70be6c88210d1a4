package io.storagehub.api.support;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.hash;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static io.storagehub.testkit.chain.ChainScript.valueProp;

import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
import io.storagehub.schema.event.PaymentStreamsEvent;
import io.storagehub.schema.event.ProvidersEvent;
import io.storagehub.schema.value.Balance;
import io.storagehub.schema.value.Bytes;
import io.storagehub.schema.value.Location;
import io.storagehub.schema.value.U64;
import io.storagehub.testkit.chain.ChainScript;
import java.util.List;

/**
 * The chain the API tests read: MSPs and BSPs (one signed off), buckets (one deleted, one without MSP), a big
 * bucket whose ~200 files sit in nested folders with non-ASCII, space and '+' names, stored, under-replicated,
 * rejected and deleted files, and fixed and dynamic payment streams, some charged.
 */
public final class TestChain {
    public static final String NAME = "api-test";
    public static final int MSP = 1;
    public static final int MSP_WITHOUT_BUCKETS = 3;
    public static final int BSP = 11;
    public static final int BSP_SIGNED_OFF = 14;
    public static final int BIG_BUCKET = 1;
    public static final int EMPTY_BUCKET = 4;
    public static final int DELETED_BUCKET = 5;
    public static final int OWNER = 1;
    public static final int PAYER = 7;
    public static final int FIRST_FILE = 1;
    public static final int BIG_BUCKET_FILES = 200;
    public static final int UNDER_REPLICATED_FILE = 2;
    public static final int DELETED_FILE = 3;
    public static final int REJECTED_FILE = 4;
    public static final String UNICODE_FOLDER = "ünï código/";
    public static final String PLUS_LOCATION = "notes/a b+c.txt";

    private TestChain() {
    }

    public static List<Envelope> events() {
        ChainScript c = ChainScript.on(NAME);
        c.mspSignUp(1, 1);
        c.mspSignUp(2, 2);
        c.mspSignUp(MSP_WITHOUT_BUCKETS, 3);
        c.next(new ProvidersEvent.ValuePropAdded(provider(1), valueProp(4),
                new ProvidersEvent.ValuePropTerms(Balance.parse("340282366920938463463374607431768211455"),
                        Bytes.of("0xabcd"), U64.of(Long.MAX_VALUE))));
        for (int bsp = BSP; bsp <= BSP_SIGNED_OFF; bsp++) {
            c.bspSignUp(bsp);
        }
        c.nextBlock();
        c.newBucket(BIG_BUCKET, OWNER, MSP, 1);
        c.newBucket(2, OWNER, 2, 2);
        c.newBucket(3, 2, MSP, 1);
        c.newBucket(EMPTY_BUCKET, 2, null, null);
        c.newBucket(DELETED_BUCKET, 3, MSP, 1);
        c.next(new FileSystemEvent.BucketPrivacyUpdated(account(OWNER), bucket(2), hash(77), true));
        c.nextBlock();
        for (int i = 0; i < BIG_BUCKET_FILES; i++) {
            int key = FIRST_FILE + i;
            c.next(new FileSystemEvent.NewStorageRequest(account(OWNER), file(key), bucket(BIG_BUCKET),
                    Location.of(location(i)), hash(9000 + key), U64.of(1000L + i), List.of("peer-" + key),
                    5000, key == UNDER_REPLICATED_FILE ? 3 : 1));
            if (i % 50 == 49) {
                c.nextBlock();
            }
        }
        c.nextBlock();
        for (int key = FIRST_FILE; key < FIRST_FILE + 40; key++) {
            if (key != REJECTED_FILE) {
                c.mspAccepted(key);
            }
        }
        c.next(new FileSystemEvent.BspConfirmedStoring(account(2000 + BSP), provider(BSP),
                keys(FIRST_FILE, FIRST_FILE + 40), List.of(), hash(6001)));
        c.next(new FileSystemEvent.BspConfirmedStoring(account(2000 + 12), provider(12),
                keys(FIRST_FILE, FIRST_FILE + 5), List.of(), hash(6002)));
        for (int key = FIRST_FILE; key < FIRST_FILE + 40; key++) {
            if (key != REJECTED_FILE) {
                c.fulfilled(key);
            }
        }
        c.next(new FileSystemEvent.StorageRequestRejected(file(REJECTED_FILE), "no BSP volunteered"));
        c.nextBlock();
        c.next(new FileSystemEvent.FileDeletionRequested(account(OWNER), file(DELETED_FILE), bucket(BIG_BUCKET)));
        c.next(new FileSystemEvent.FileDeleted(file(DELETED_FILE), bucket(BIG_BUCKET)));
        c.newStorageRequest(1001, 2, OWNER, "b2/only.txt", 77);
        c.newStorageRequest(1002, DELETED_BUCKET, 3, "x.txt", 5);
        c.next(new FileSystemEvent.BucketDeleted(account(3), bucket(DELETED_BUCKET)));
        c.next(new ProvidersEvent.BspSignOffSuccess(account(2000 + BSP_SIGNED_OFF), provider(BSP_SIGNED_OFF)));
        c.next(new ProvidersEvent.Slashed(provider(BSP), Balance.parse("18446744073709551616")));
        c.nextBlock();
        for (int payer = 0; payer < 23; payer++) {
            c.next(new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(100 + payer), provider(MSP),
                    Balance.of(10 + payer)));
        }
        c.next(new PaymentStreamsEvent.FixedRatePaymentStreamCreated(account(PAYER), provider(2), Balance.of(5)));
        c.next(new PaymentStreamsEvent.DynamicRatePaymentStreamCreated(account(PAYER), provider(BSP), U64.of(4096)));
        c.next(new PaymentStreamsEvent.PaymentStreamCharged(account(PAYER), provider(BSP), Balance.of(99), 12));
        c.next(new PaymentStreamsEvent.PaymentStreamCharged(account(100), provider(MSP), Balance.of(1), 13));
        return c.emitted();
    }

    /** The location of the big bucket's i-th file: spread over nested folders, some with unusual names. */
    static String location(int i) {
        switch (i % 8) {
            case 0: return "docs/a/file-" + i + ".txt";
            case 1: return "docs/b/deep/er/file-" + i + ".bin";
            case 2: return "docs/file-" + i + ".md";
            case 3: return "img/" + i + ".png";
            case 4: return UNICODE_FOLDER + "é-" + i + ".txt";
            case 5: return i == 5 ? PLUS_LOCATION : "notes/n-" + i + ".txt";
            case 6: return "root-" + i + ".txt";
            default: return "emoji/😀-" + i + "/x.txt";
        }
    }

    private static List<io.storagehub.schema.value.FileKey> keys(int from, int toExclusive) {
        return java.util.stream.IntStream.range(from, toExclusive)
                .filter(k -> k != REJECTED_FILE)
                .mapToObj(ChainScript::file)
                .toList();
    }
}
