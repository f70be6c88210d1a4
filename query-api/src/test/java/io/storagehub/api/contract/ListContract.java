package io.storagehub.api.contract;

import static io.storagehub.testkit.chain.ChainScript.account;
import static io.storagehub.testkit.chain.ChainScript.bucket;
import static io.storagehub.testkit.chain.ChainScript.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.TestChain;
import io.storagehub.schema.readmodel.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every list, walked page by page with a small limit: the concatenated pages equal the full list the read
 * model holds (nothing lost, nothing repeated, same order), and the default page is 100 items.
 */
public interface ListContract extends ApiUnderTest {
    PageRequest ALL = PageRequest.first(PageRequest.MAX_LIMIT);
    String N = TestChain.NAME;

    @Test
    default void msps_and_bsps_walkCompletely() {
        assertThat(walk(CHAIN + "/msps", 2)).isEqualTo(list(expected().msps(N, ALL).items()));
        assertThat(walk(CHAIN + "/bsps", 3)).isEqualTo(list(expected().bsps(N, ALL).items()));
    }

    @Test
    default void mspBuckets_walkCompletely_withoutDeletedBuckets() {
        List<JsonNode> buckets = walk(CHAIN + "/msps/" + provider(TestChain.MSP) + "/buckets", 1);

        assertThat(buckets).isEqualTo(list(expected().mspBuckets(N, provider(TestChain.MSP), ALL).items()));
        assertThat(buckets).hasSize(2).noneMatch(b -> b.get("deleted").asBoolean());
    }

    @Test
    default void mspBuckets_ofAnMspWithoutBuckets_isAnEmptyPage() {
        Http.Answer answer = http().get(CHAIN + "/msps/" + provider(TestChain.MSP_WITHOUT_BUCKETS) + "/buckets");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("items")).isEmpty();
        assertThat(answer.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    default void bspFiles_walkCompletely() {
        List<JsonNode> files = walk(CHAIN + "/bsps/" + provider(TestChain.BSP) + "/files", 7);

        assertThat(files).isEqualTo(list(expected().bspFiles(N, provider(TestChain.BSP), ALL).items()));
        assertThat(files).hasSize(38);
    }

    @Test
    default void bucketFiles_walkCompletely_inLocationOrder_withDefaultPageOf100() {
        String path = CHAIN + "/buckets/" + bucket(TestChain.BIG_BUCKET) + "/files";
        List<JsonNode> expectedFiles = list(expected().bucketFiles(N, bucket(TestChain.BIG_BUCKET), "", false, ALL)
                .items());

        Http.Answer first = http().get(path);

        assertThat(first.json().get("items")).hasSize(PageRequest.DEFAULT_LIMIT);
        assertThat(walk(path, 13)).isEqualTo(expectedFiles).hasSize(TestChain.BIG_BUCKET_FILES - 1);
        assertThat(walk(path, 1000)).isEqualTo(expectedFiles);
    }

    @Test
    default void bucketFiles_underAPrefix_includingNonAsciiAndPlus() {
        String bucketPath = CHAIN + "/buckets/" + bucket(TestChain.BIG_BUCKET) + "/files?prefix=";
        for (String prefix : List.of("docs/", "docs/b/deep/", TestChain.UNICODE_FOLDER, "notes/a b+", "emoji/😀",
                "nothing-here/")) {
            List<JsonNode> files = walk(bucketPath + Http.encode(prefix), 4);

            assertThat(files).as(prefix).isEqualTo(list(expected()
                    .bucketFiles(N, bucket(TestChain.BIG_BUCKET), prefix, false, ALL).items()));
            assertThat(files).allMatch(f -> f.get("location").asText().startsWith(prefix));
        }
        assertThat(walk(bucketPath + Http.encode(TestChain.PLUS_LOCATION), 5)).hasSize(1);
    }

    @Test
    default void bucketFiles_underReplicated_isTheRepairList() {
        List<JsonNode> files = walk(CHAIN + "/buckets/" + bucket(TestChain.BIG_BUCKET)
                + "/files?underReplicated=true", 2);

        assertThat(files).isEqualTo(list(expected().bucketFiles(N, bucket(TestChain.BIG_BUCKET), "", true, ALL)
                .items()));
        assertThat(files).singleElement().satisfies(f -> assertThat(f.get("fullyReplicated").asBoolean()).isFalse());
    }

    @Test
    default void accountLists_walkCompletely() {
        assertThat(walk(CHAIN + "/accounts/" + account(TestChain.OWNER) + "/buckets", 1))
                .isEqualTo(list(expected().accountBuckets(N, account(TestChain.OWNER), ALL).items())).hasSize(2);
        assertThat(walk(CHAIN + "/accounts/" + account(TestChain.OWNER) + "/files", 17))
                .isEqualTo(list(expected().accountFiles(N, account(TestChain.OWNER), ALL).items()));
        assertThat(walk(CHAIN + "/accounts/" + account(424242) + "/files", 5)).isEmpty();
    }

    @Test
    default void paymentStreams_ofAccountsAndProviders_arePaginated() {
        List<JsonNode> ofPayer = walk(CHAIN + "/accounts/" + account(TestChain.PAYER) + "/payment-streams", 1);
        List<JsonNode> ofMsp = walk(CHAIN + "/providers/" + provider(TestChain.MSP) + "/payment-streams", 5);

        assertThat(ofPayer).isEqualTo(list(expected().accountPaymentStreams(N, account(TestChain.PAYER), ALL)
                .items())).hasSize(2);
        assertThat(ofMsp).isEqualTo(list(expected().providerPaymentStreams(N, provider(TestChain.MSP), ALL)
                .items())).hasSize(23);
        assertThat(ofPayer).anySatisfy(s -> {
            assertThat(s.get("kind").asText()).isEqualTo("dynamic");
            assertThat(s.get("amountProvided").asLong()).isEqualTo(4096);
            assertThat(s.get("totalCharged").asText()).isEqualTo("99");
            assertThat(s.get("lastTickCharged").asLong()).isEqualTo(12);
        });
    }

    @Test
    default void providerPaymentStreams_ofAProviderWithoutStreams_isEmpty() {
        Http.Answer answer = http().get(CHAIN + "/providers/" + provider(13) + "/payment-streams");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("items")).isEmpty();
    }

    private List<JsonNode> list(List<?> values) {
        return iterate(array(values));
    }

    private static List<JsonNode> iterate(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
