package io.storagehub.projection.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.state.Changes;
import io.storagehub.projection.state.RecordedChange;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.ChangeView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key rows of {@link ChangeRows.Writer}: one per key for the changes between two {@code writeKeys} (V0010). */
class ChangeRowsTest {
    private static final String A = "01aa";
    private static final String B = "05bb";

    private static RecordedChange change(long block, long index, String... keys) {
        return new RecordedChange(new ChangeView(new Position(block, index), "0x01", Instant.EPOCH, "P", "E", "{}",
                List.of()), List.of(keys));
    }

    private static List<String> rows(CopyText text) {
        return Arrays.asList(new String(text.bytes(), StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void aKeysChanges_betweenTwoWrites_makeOneRow_atItsLastChange_withEveryPosition() {
        ChangeRows.Writer writer = new ChangeRows.Writer("c");
        CopyText changes = new CopyText();
        CopyText keys = new CopyText();

        writer.append(change(5, 0, A, B), changes);
        writer.append(change(5, 3, A), changes);
        writer.append(change(7, 1, A), changes);
        writer.writeKeys(keys);
        writer.append(change(8, 0, A), changes);
        writer.writeKeys(keys);

        assertThat(changes.rows()).isEqualTo(4);
        assertThat(rows(keys)).containsExactly(
                "c\t\\\\x01aa\t7\t1\t{5,5,7}\t{0,3,1}",
                "c\t\\\\x05bb\t5\t0\t\\N\t\\N", // one change: its own position only
                "c\t\\\\x01aa\t8\t0\t\\N\t\\N"); // a later write starts new groups
    }

    @Test
    void aGroup_holdsAtMostGroupPositionsChanges_theNextStartingAnother() {
        ChangeRows.Writer writer = new ChangeRows.Writer("c");
        CopyText changes = new CopyText();
        int total = ChangeRows.Writer.GROUP_POSITIONS * 2 + 3;
        for (int i = 0; i < total; i++) {
            writer.append(change(i, 0, A), changes);
        }
        List<Long> lastBlocks = new ArrayList<>();
        CopyText keys = new CopyText();
        writer.writeKeys((lastBlock, row) -> {
            lastBlocks.add(lastBlock);
            row.accept(keys);
        });

        int full = ChangeRows.Writer.GROUP_POSITIONS;
        assertThat(lastBlocks).containsExactly((long) full - 1, 2L * full - 1, (long) total - 1);
        List<String> rows = rows(keys);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).split("\t")[4].split(",")).hasSize(full);
        assertThat(rows.get(2)).isEqualTo("c\t\\\\x01aa\t" + (total - 1) + "\t0\t{" + (total - 3) + ","
                + (total - 2) + "," + (total - 1) + "}\t{0,0,0}");
    }

    @Test
    void aBatch_groupsEachChainsKeysApart() {
        CopyText changes = new CopyText();
        CopyText keys = new CopyText();
        ChangeRows.append(List.of(chain("x", change(1, 0, A), change(2, 0, A)), chain("y", change(1, 1, A)),
                chain("z")), changes, keys);

        assertThat(changes.rows()).isEqualTo(3);
        assertThat(rows(keys)).containsExactly("x\t\\\\x01aa\t2\t0\t{1,2}\t{0,0}", "y\t\\\\x01aa\t1\t1\t\\N\t\\N");
    }

    private static Changes chain(String chain, RecordedChange... recorded) {
        return new Changes(chain, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null, List.of(), List.of(recorded));
    }
}
