package io.storagehub.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.state.FileBspRow;
import io.storagehub.projection.table.RowCodec;
import io.storagehub.schema.event.Position;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/** Each file's associations as one state-store value: read, changed by a batch's write, read again. */
class AssociationSetsTest {
    private static final String CHAIN = "sets";

    @TempDir
    Path dir;
    private StateStore store;

    @BeforeEach
    void open() {
        store = StateStore.openEmpty(dir.resolve("state"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void unknownFiles_haveNoAssociations() {
        assertThat(new AssociationSets(store).of(CHAIN, List.of("0xf1", "0xf2"))).isEmpty();
    }

    @Test
    void additions_areReadBack_inBspOrder_perFileAndChain() throws Exception {
        // given
        AssociationSets sets = new AssociationSets(store);
        sets.of(CHAIN, List.of("0xf1", "0xf2"));
        // when
        write(sets, List.of(), List.of(row("0xb2", "0xf1", 2), row("0xb1", "0xf1", 1), row("0xb1", "0xf2", 3)));
        // then
        AssociationSets fresh = new AssociationSets(store);
        assertThat(fresh.of(CHAIN, List.of("0xf1"))).containsExactly(row("0xb1", "0xf1", 1), row("0xb2", "0xf1", 2));
        assertThat(fresh.of(CHAIN, List.of("0xf2"))).containsExactly(row("0xb1", "0xf2", 3));
        assertThat(fresh.of("other-chain", List.of("0xf1"))).isEmpty();
    }

    @Test
    void removalsComeBeforeAdditions_andAnEmptiedSetIsGone() throws Exception {
        // given
        AssociationSets sets = new AssociationSets(store);
        sets.of(CHAIN, List.of("0xf1", "0xf2"));
        write(sets, List.of(), List.of(row("0xb1", "0xf1", 1), row("0xb2", "0xf1", 1), row("0xb1", "0xf2", 1)));
        sets.of(CHAIN, List.of("0xf1", "0xf2"));
        // when: b1 leaves f1 and confirms it again in the same batch, b2 leaves f1, the only BSP of f2 leaves it
        write(sets, List.of(row("0xb1", "0xf1", 1), row("0xb2", "0xf1", 1), row("0xb1", "0xf2", 1)),
                List.of(row("0xb1", "0xf1", 5)));
        // then
        AssociationSets fresh = new AssociationSets(store);
        assertThat(fresh.of(CHAIN, List.of("0xf1"))).containsExactly(row("0xb1", "0xf1", 5));
        assertThat(fresh.of(CHAIN, List.of("0xf2"))).isEmpty();
        assertThat(store.getAll(StateStore.ASSOCIATIONS_BY_FILE, List.of(RowCodec.key(CHAIN, "0xf2"))))
                .containsOnlyNulls();
    }

    @Test
    void aFileNotReadInTheBatch_isReadAtTheWrite_notOverwritten() throws Exception {
        // given: f1 stored with b1, and a new batch that did not read it
        AssociationSets first = new AssociationSets(store);
        write(first, List.of(), List.of(row("0xb1", "0xf1", 1)));
        AssociationSets sets = new AssociationSets(store);
        // when
        write(sets, List.of(), List.of(row("0xb2", "0xf1", 2)));
        // then
        assertThat(new AssociationSets(store).of(CHAIN, List.of("0xf1")))
                .containsExactly(row("0xb1", "0xf1", 1), row("0xb2", "0xf1", 2));
    }

    private void write(AssociationSets sets, List<FileBspRow> removed, List<FileBspRow> added) throws Exception {
        try (WriteBatch batch = new WriteBatch()) {
            sets.write(batch, CHAIN, removed, added);
            store.write(batch);
        }
        sets.written();
    }

    private static FileBspRow row(String bspId, String fileKey, long confirmedAt) {
        return new FileBspRow(CHAIN, bspId, fileKey, confirmedAt, new Position(confirmedAt, 0));
    }
}
