package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.storagehub.projection.table.Column;
import io.storagehub.projection.table.Table;
import io.storagehub.projection.table.Tables;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table descriptions that the upserts, the loaders, the bulk state and {@code COPY} are derived from say
 * exactly what the migrations created: every column, in order, with its type, and the primary key. A column
 * added by a migration but not described (or the other way round) fails here, not as a silently null column.
 */
class TableDescriptionsIT {
    private MigratedSchema db;

    @BeforeEach
    void setUp() {
        db = MigratedSchema.create();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyDescribedTable_hasTheMigratedColumnsAndTypesInOrder_andItsPrimaryKey() {
        for (Table<?> table : Tables.ALL) {
            // when
            List<String> migrated = db.jdbi.withHandle(h -> h.createQuery("""
                            SELECT a.attname || ' ' || format_type(a.atttypid, NULL)
                            FROM pg_attribute a
                            WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped
                            ORDER BY a.attnum""")
                    .bind("table", table.name())
                    .mapTo(String.class)
                    .list());
            List<String> primaryKey = db.jdbi.withHandle(h -> h.createQuery("""
                            SELECT a.attname
                            FROM pg_index i
                            JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
                            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                            WHERE i.indrelid = to_regclass(:table) AND i.indisprimary
                            ORDER BY k.n""")
                    .bind("table", table.name())
                    .mapTo(String.class)
                    .list());

            // then
            assertThat(migrated).as(table.name()).containsExactlyElementsOf(described(table));
            assertThat(primaryKey).as(table.name() + " primary key")
                    .containsExactlyElementsOf(table.key().stream().map(Column::name).toList());
        }
    }

    @Test
    void upsertStatement_updatesEveryColumnButTheKey() {
        // when
        String sql = TableSql.upsertSql(Tables.FILE);

        // then
        assertThat(sql).startsWith("INSERT INTO file (chain, file_key, bucket_id,")
                .contains("CAST(u.peer_ids AS text[])", "CAST(:size AS numeric[])", "CAST(:created_block AS bigint[])")
                .contains("ON CONFLICT (chain, file_key) DO UPDATE SET bucket_id = EXCLUDED.bucket_id")
                .contains("updated_index = EXCLUDED.updated_index")
                .doesNotContain("chain = EXCLUDED.chain", "file_key = EXCLUDED.file_key");
    }

    private static List<String> described(Table<?> table) {
        return table.columns().stream()
                .flatMap(c -> c.type().sqlColumns(c.name()).stream().map(n -> n + " " + c.type().sqlType()))
                .toList();
    }
}
