package io.storagehub.projection.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementsTest {
    @Test
    void rename_prefixesNamedParameters_butNotCastsOrTheTextOfComments() {
        String sql = """
                -- the chain's rows: a comment with :notAParameter; and a quote
                SELECT f(CAST(:firsts AS bigint[]), :lasts)::text FROM t WHERE a = :a_1;
                """;

        assertThat(Statements.rename(sql, "s2_"))
                .isEqualTo("SELECT f(CAST(:s2_firsts AS bigint[]), :s2_lasts)::text FROM t WHERE a = :s2_a_1");
    }
}
