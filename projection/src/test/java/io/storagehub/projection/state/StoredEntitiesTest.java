package io.storagehub.projection.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.schema.readmodel.ChangedEntity;
import io.storagehub.schema.readmodel.EntityKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEntitiesTest {

    @Test
    void everyKindsFields_readBackAsWritten_whetherNamedByTheSameStringsOrByEqualOnes() {
        for (EntityKind kind : EntityKind.values()) {
            List<String> fields = EntityFields.of(kind);
            List<String> someFields = List.of(fields.get(0), fields.get(fields.size() - 1));
            List<String> equalCopies = new ArrayList<>();
            someFields.forEach(f -> equalCopies.add(new String(f)));
            List<ChangedEntity> entities = List.of(new ChangedEntity(kind, "0xaa", fields),
                    new ChangedEntity(kind, "0xbb", someFields), new ChangedEntity(kind, "0xcc", List.of()));

            String stored = StoredEntities.write(entities);

            assertThat(StoredEntities.read(stored)).as(kind.apiName()).isEqualTo(entities);
            assertThat(StoredEntities.write(List.of(new ChangedEntity(kind, "0xbb", equalCopies))))
                    .isEqualTo(StoredEntities.write(List.of(entities.get(1))));
        }
    }

    @Test
    void aNameThatIsNoFieldOfTheKind_isRefused() {
        assertThatThrownBy(() -> StoredEntities.write(List.of(new ChangedEntity(EntityKind.MSP, "0x01",
                List.of("fingerprint"))))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msp");
    }
}
