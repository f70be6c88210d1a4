package io.storagehub.infra.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.Batch;
import io.storagehub.projection.memory.InMemoryProjection;
import io.storagehub.projection.memory.InMemoryQueries;
import io.storagehub.projection.memory.InMemoryStore;
import io.storagehub.schema.readmodel.BucketView;
import io.storagehub.schema.readmodel.FileView;
import io.storagehub.schema.value.BucketId;
import io.storagehub.schema.value.FileKey;
import io.storagehub.schema.value.ProviderId;
import io.storagehub.testkit.chain.ChainGenerator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExamplesTest {

    @Test
    void find_isEmpty_beforeAnyBucketHoldsFiles() {
        assertThat(ExampleIds.find(new InMemoryQueries(new InMemoryStore()), "devnet")).isEmpty();
    }

    @Test
    void find_returnsAnMspWithOneOfItsBucketsAndAFileInIt() {
        // given
        InMemoryStore store = new InMemoryStore();
        new InMemoryProjection(store).apply(Batch.of(ChainGenerator.of("devnet", 42).take(2_000)));
        InMemoryQueries queries = new InMemoryQueries(store);
        // when
        Optional<ExampleIds> ids = ExampleIds.find(queries, "devnet");
        // then
        assertThat(ids).isPresent();
        BucketView bucket = queries.bucket("devnet", BucketId.of(ids.get().bucketId())).orElseThrow();
        FileView file = queries.file("devnet", FileKey.of(ids.get().fileKey())).orElseThrow();
        assertThat(bucket.mspId()).isEqualTo(ProviderId.of(ids.get().mspId()));
        assertThat(bucket.owner().hex()).isEqualTo(ids.get().owner());
        assertThat(file.bucketId()).isEqualTo(bucket.bucketId());
        assertThat(file.location().path()).isEqualTo(ids.get().location());
    }

    @Test
    void commands_useTheIdsAndTheFolderOfTheFile() {
        // given
        ExampleIds ids = new ExampleIds("devnet", "0xaa", "0xbb", "0xcc", "0xdd", "photos/2024/a b.jpg");
        // when
        List<String> commands = Examples.commands("http://127.0.0.1:8080", ids);
        // then
        assertThat(commands).contains(
                "curl -s http://127.0.0.1:8080/v1/chains/devnet/msps/0xaa",
                "curl -s http://127.0.0.1:8080/v1/chains/devnet/buckets/0xbb",
                "curl -s 'http://127.0.0.1:8080/v1/chains/devnet/buckets/0xbb/tree?path=photos%2F2024%2F'",
                "curl -s http://127.0.0.1:8080/v1/chains/devnet/files/0xdd",
                "curl -s 'http://127.0.0.1:8080/v1/chains/devnet/accounts/0xcc/files?limit=5'");
        assertThat(Examples.folderOf("top.txt")).isEmpty();
    }
}
