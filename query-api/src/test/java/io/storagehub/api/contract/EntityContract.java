package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.file;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Direct lookups: one chain list, one MSP, BSP, bucket or file, answered exactly as the read model holds it. */
public interface EntityContract extends ApiUnderTest {

    @Test
    default void listChains_containsTheChain_withItsLastIndexedBlock() {
        Http.Answer answer = http().get("/v1/chains");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode chain = null;
        for (JsonNode item : answer.json().get("items")) {
            if (item.get("chain").asText().equals(TestChain.NAME)) {
                chain = item;
            }
        }
        assertThat(chain).as("%s", answer).isNotNull();
        assertThat(chain.get("lastIndexedBlock").asLong()).isEqualTo(indexedBlock());
        assertThat(chain.get("lastPosition").get("block").asLong()).isEqualTo(indexedBlock());
        assertThat(chain.get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(answer.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    default void getMsp_returnsTheMspFlattened_withValuePropsAndMultiaddresses() {
        Http.Answer answer = http().get(CHAIN + "/msps/" + provider(TestChain.MSP));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("X-Indexed-Block")).isEqualTo(Long.toString(indexedBlock()));
        JsonNode body = answer.json();
        assertThat(body).isEqualTo(json(expected().msp(TestChain.NAME, provider(TestChain.MSP)).orElseThrow()));
        assertThat(body.get("mspId").asText()).isEqualTo(provider(TestChain.MSP).hex());
        assertThat(body.get("valueProps")).hasSize(2);
        assertThat(body.get("multiaddresses").get(0).asText()).startsWith("/ip4/");
        assertThat(body.get("valueProps").get(1).get("pricePerGigaUnitOfDataPerBlock").isTextual()).isTrue();
        assertThat(body.get("capacity").isIntegralNumber()).isTrue();
        assertThat(body.get("createdAt").get("block").asLong()).isEqualTo(1);
        assertThat(body.get("createdAt").has("index")).isTrue();
    }

    @Test
    default void getMsp_acceptsUppercaseIds_andAnswersLowercase() {
        String upper = "0X" + provider(TestChain.MSP).hex().substring(2).toUpperCase(Locale.ROOT);

        Http.Answer answer = http().get(CHAIN + "/msps/" + upper);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("mspId").asText()).isEqualTo(provider(TestChain.MSP).hex());
    }

    @Test
    default void getBsp_returnsTheBsp_includingSignedOffOnes() {
        Http.Answer answer = http().get(CHAIN + "/bsps/" + provider(TestChain.BSP));
        Http.Answer signedOff = http().get(CHAIN + "/bsps/" + provider(TestChain.BSP_SIGNED_OFF));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json(expected().bsp(TestChain.NAME, provider(TestChain.BSP)).orElseThrow()));
        assertThat(answer.json().get("slashedTotal").asText()).isEqualTo("18446744073709551616");
        assertThat(signedOff.json().get("status").asText()).isEqualTo("signed_off");
    }

    @Test
    default void getBucket_returnsCountsAndPrivacy_andDeletedBuckets() {
        Http.Answer big = http().get(CHAIN + "/buckets/" + bucket(TestChain.BIG_BUCKET));
        Http.Answer privateBucket = http().get(CHAIN + "/buckets/" + bucket(2));
        Http.Answer deleted = http().get(CHAIN + "/buckets/" + bucket(TestChain.DELETED_BUCKET));

        assertThat(big.status()).isEqualTo(200);
        assertThat(big.json()).isEqualTo(json(expected().bucket(TestChain.NAME, bucket(TestChain.BIG_BUCKET)).orElseThrow()));
        assertThat(big.json().get("fileCount").asLong()).isEqualTo(TestChain.BIG_BUCKET_FILES - 2);
        assertThat(big.json().has("isPrivate")).isFalse();
        assertThat(privateBucket.json().get("private").asBoolean()).isTrue();
        assertThat(privateBucket.json().get("collectionId").isTextual()).isTrue();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
    }

    @Test
    default void getFile_returnsReplicationFacts_forEveryStatus() {
        Http.Answer stored = http().get(CHAIN + "/files/" + file(TestChain.FIRST_FILE));
        Http.Answer under = http().get(CHAIN + "/files/" + file(TestChain.UNDER_REPLICATED_FILE));
        Http.Answer deleted = http().get(CHAIN + "/files/" + file(TestChain.DELETED_FILE));
        Http.Answer rejected = http().get(CHAIN + "/files/" + file(TestChain.REJECTED_FILE));

        assertThat(stored.json()).isEqualTo(json(expected().file(TestChain.NAME, file(TestChain.FIRST_FILE)).orElseThrow()));
        assertThat(stored.json().get("fullyReplicated").asBoolean()).isTrue();
        assertThat(stored.json().get("bsps")).hasSize(2);
        assertThat(stored.json().get("mspId").asText()).isEqualTo(provider(TestChain.MSP).hex());
        assertThat(under.json().get("fullyReplicated").asBoolean()).isFalse();
        assertThat(under.json().get("replicas").asLong()).isEqualTo(2);
        assertThat(under.json().get("bspsRequired").asLong()).isEqualTo(3);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("deleted");
        assertThat(rejected.json().get("rejectReason").asText()).isEqualTo("no BSP volunteered");
    }
}
