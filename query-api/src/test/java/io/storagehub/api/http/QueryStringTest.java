package io.storagehub.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void parse_decodesPercentEncodingAndPlus_asUtf8() {
        QueryString query = QueryString.parse("prefix=%C3%BCn%20a+b%2Bc%F0%9F%98%80&limit=5&flag&limit=7");

        assertThat(query.first("prefix")).contains("ün a b+c😀");
        assertThat(query.first("limit")).contains("5");
        assertThat(query.first("flag")).contains("");
        assertThat(query.first("missing")).isEmpty();
    }

    @Test
    void parse_acceptsRawNonAsciiCharacters() {
        assertThat(QueryString.parse("path=é😀/").first("path")).contains("é😀/");
    }

    @Test
    void parse_rejectsMalformedPercentEncoding() {
        for (String raw : new String[] {"a=%", "a=%2", "a=%zz", "a=%%", "%=1", "a=%2G"}) {
            assertThatThrownBy(() -> QueryString.parse(raw)).as(raw).isInstanceOf(ApiProblem.class)
                    .hasMessageContaining("percent-encoding");
        }
    }

    @Test
    void parse_rejectsBytesThatAreNotUtf8() {
        for (String raw : new String[] {"a=%E9", "a=%C3%28", "a=%ED%A0%80", "a=%F8%88%80%80%80", "a=%C0%AF",
                "%FF=1"}) {
            assertThatThrownBy(() -> QueryString.parse(raw)).as(raw).isInstanceOf(ApiProblem.class)
                    .hasMessageContaining("UTF-8");
        }
    }

    @Test
    void parse_ofNothing_isEmpty() {
        assertThat(QueryString.parse(null).first("a")).isEmpty();
        assertThat(QueryString.parse("").first("a")).isEmpty();
        assertThat(QueryString.parse("&&").first("a")).isEmpty();
    }
}
