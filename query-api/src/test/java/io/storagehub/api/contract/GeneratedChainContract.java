package io.storagehub.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.AccountId;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A generated chain (random providers, buckets, files, moves, deletions, streams), walked through every list and
 * entity of the API with odd page sizes: each answer equals the read model.
 */
public interface GeneratedChainContract extends ApiUnderTest {
    String GENERATED = "generated";
    PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);

    /** The generated chain's events, to index before the tests run. */
    static List<Envelope> generatedEvents() {
        return new ChainGenerator(ChainGenerator.Config.defaults(GENERATED, 7).withPoisonRate(0)
                .withLiveFilesTarget(200)).take(1500);
    }

    @Test
    default void generatedChain_everyEntityAndListEqualsTheReadModel() {
        String chain = "/v1/chains/" + GENERATED;
        Set<String> owners = new TreeSet<>();
        List<JsonNode> msps = walk(chain + "/msps", 3);
        assertThat(msps).isEqualTo(items(expected().msps(GENERATED, ALL).items())).isNotEmpty();
        for (JsonNode msp : msps) {
            ProviderId id = ProviderId.of(msp.get("mspId").asText());
            assertThat(http().get(chain + "/msps/" + id).json())
                    .isEqualTo(json(expected().msp(GENERATED, id).orElseThrow()));
            List<JsonNode> buckets = walk(chain + "/msps/" + id + "/buckets", 4);
            assertThat(buckets).isEqualTo(items(expected().mspBuckets(GENERATED, id, ALL).items()));
            assertThat(walk(chain + "/providers/" + id + "/payment-streams", 5))
                    .isEqualTo(items(expected().providerPaymentStreams(GENERATED, id, ALL).items()));
            for (JsonNode bucket : buckets) {
                owners.add(bucket.get("owner").asText());
                BucketId bucketId = BucketId.of(bucket.get("bucketId").asText());
                assertThat(walk(chain + "/buckets/" + bucketId + "/files", 37))
                        .isEqualTo(items(expected().bucketFiles(GENERATED, bucketId, "", false, ALL).items()));
                assertThat(http().get(chain + "/buckets/" + bucketId + "/tree").json().get("folders"))
                        .isEqualTo(json(expected().tree(GENERATED, bucketId, "", ALL).folders()));
            }
        }
        List<JsonNode> bsps = walk(chain + "/bsps", 2);
        assertThat(bsps).isEqualTo(items(expected().bsps(GENERATED, ALL).items())).isNotEmpty();
        for (JsonNode bsp : bsps) {
            ProviderId id = ProviderId.of(bsp.get("bspId").asText());
            assertThat(walk(chain + "/bsps/" + id + "/files", 29))
                    .isEqualTo(items(expected().bspFiles(GENERATED, id, ALL).items()));
        }
        assertThat(owners).isNotEmpty();
        for (String owner : owners) {
            AccountId account = AccountId.of(owner);
            assertThat(walk(chain + "/accounts/" + account + "/buckets", 3))
                    .isEqualTo(items(expected().accountBuckets(GENERATED, account, ALL).items()));
            assertThat(walk(chain + "/accounts/" + account + "/files", 41))
                    .isEqualTo(items(expected().accountFiles(GENERATED, account, ALL).items()));
            assertThat(walk(chain + "/accounts/" + account + "/payment-streams", 2))
                    .isEqualTo(items(expected().accountPaymentStreams(GENERATED, account, ALL).items()));
        }
    }

    private List<JsonNode> items(List<?> values) {
        List<JsonNode> out = new ArrayList<>();
        array(values).forEach(out::add);
        return out;
    }
}
