package io.storagehub.projection.jdbi;

import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.FileSystemEvent;
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
import java.util.List;

/**
 * A small hand-built chain: an MSP and a BSP sign up, a user creates a bucket and requests storage of one file,
 * the MSP accepts it, the BSP confirms storing it and the request is fulfilled.
 */
final class SmokeChain {
    static final AccountId MSP_ACCOUNT = AccountId.of(Ids.account(1));
    static final AccountId BSP_ACCOUNT = AccountId.of(Ids.account(2));
    static final AccountId USER = AccountId.of(Ids.account(3));
    static final ProviderId MSP = ProviderId.of(Ids.hex32(100));
    static final ProviderId BSP = ProviderId.of(Ids.hex32(101));
    static final ValuePropId VALUE_PROP = ValuePropId.of(Ids.hex32(200));
    static final BucketId BUCKET = BucketId.of(Ids.hex32(400));
    static final FileKey FILE = FileKey.of(Ids.hex32(500));
    static final Location LOCATION = Location.of("cats/tom.jpg");
    static final long SIZE = 1234;

    private SmokeChain() {
    }

    static Envelope mspSignUp(String chain) {
        return TestEvents.at(chain, 1, 0, new ProvidersEvent.MspSignUpSuccess(MSP_ACCOUNT, MSP, U64.of(10_000),
                List.of("/ip4/127.0.0.1/tcp/30333"), new ProvidersEvent.SignUpValueProp(VALUE_PROP, Balance.of(5),
                Bytes.of("0x01"), U64.of(1_000_000))));
    }

    static List<Envelope> events(String chain) {
        return List.of(
                mspSignUp(chain),
                TestEvents.at(chain, 1, 1, new ProvidersEvent.BspSignUpSuccess(BSP_ACCOUNT, BSP,
                        Hash32.of(Ids.hex32(300)), U64.of(20_000), List.of("/ip4/127.0.0.2/tcp/30333"))),
                TestEvents.at(chain, 2, 0, new FileSystemEvent.NewBucket(USER, MSP, BUCKET, "photos",
                        Hash32.of(Ids.hex32(401)), null, false, VALUE_PROP)),
                TestEvents.at(chain, 3, 0, new FileSystemEvent.NewStorageRequest(USER, FILE, BUCKET, LOCATION,
                        Hash32.of(Ids.hex32(501)), U64.of(SIZE), List.of("12D3KooWPeer"), 100, 1)),
                TestEvents.at(chain, 3, 1, new FileSystemEvent.MspAcceptedStorageRequest(FILE)),
                TestEvents.at(chain, 4, 0, new FileSystemEvent.BspConfirmedStoring(BSP_ACCOUNT, BSP, List.of(FILE),
                        List.of(), Hash32.of(Ids.hex32(301)))),
                TestEvents.at(chain, 4, 1, new FileSystemEvent.StorageRequestFulfilled(FILE)));
    }
}
