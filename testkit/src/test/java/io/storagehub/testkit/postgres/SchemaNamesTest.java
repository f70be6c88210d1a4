package io.storagehub.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaNamesTest {

    @Test
    void random_isPrefixedLowercaseAlphanumeric_andVaries() {
        assertThat(SchemaNames.random()).matches("t_[a-z0-9]{12}").isNotEqualTo(SchemaNames.random());
    }

    @Test
    void withCurrentSchema_addsOrReplacesTheParameter() {
        assertThat(SchemaNames.withCurrentSchema("jdbc:postgresql://h:5432/db", "t_a"))
                .isEqualTo("jdbc:postgresql://h:5432/db?currentSchema=t_a");
        assertThat(SchemaNames.withCurrentSchema("jdbc:postgresql://h/db?sslmode=disable", "t_a"))
                .isEqualTo("jdbc:postgresql://h/db?sslmode=disable&currentSchema=t_a");
        assertThat(SchemaNames.withCurrentSchema("jdbc:postgresql://h/db?currentSchema=old&ssl=false", "t_a"))
                .isEqualTo("jdbc:postgresql://h/db?ssl=false&currentSchema=t_a");
        assertThat(SchemaNames.withCurrentSchema("jdbc:postgresql://h/db?ssl=false&currentSchema=old", "t_a"))
                .isEqualTo("jdbc:postgresql://h/db?ssl=false&currentSchema=t_a");
    }

    @Test
    void quoted_acceptsOnlyGeneratedNames() {
        assertThat(SchemaNames.quoted("t_abcdefghij12")).isEqualTo("\"t_abcdefghij12\"");
        assertThatThrownBy(() -> SchemaNames.quoted("t_x\"; DROP SCHEMA public; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
