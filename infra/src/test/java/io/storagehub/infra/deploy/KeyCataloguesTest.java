package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.config.Key;
import io.storagehub.indexer.config.IndexerKeys;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each service's --help lists every key its code reads, so a key added to a config class must join the catalogue. */
class KeyCataloguesTest {

    @Test
    void indexerCatalogue_listsEveryKeyConstantOfTheIndexersConfigPackage() {
        Set<String> listed = IndexerKeys.ALL.stream().map(Key::name).collect(Collectors.toSet());

        assertThat(listed).containsAll(ConfigKeys.indexerKeys()).hasSize(IndexerKeys.ALL.size());
    }

    @Test
    void deploymentFilesMayUseTheFileVariantOfSecrets() {
        assertThat(ConfigKeys.indexer()).contains("STORAGEHUB_DB_PASSWORD_FILE");
        assertThat(ConfigKeys.api()).contains("STORAGEHUB_DB_PASSWORD_FILE", "STORAGEHUB_API_CURSOR_SECRET_FILE")
                .doesNotContain("STORAGEHUB_API_PORT_FILE");
    }
}
