package io.storagehub.api.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.api.problem.ApiProblem;
import io.storagehub.api.problem.ProblemType;
import io.storagehub.schema.readmodel.SortKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final CursorCodec codec = new CursorCodec(SECRET);
    private final ListIdentity files = ListIdentity.of("/v1/chains/{chain}/buckets/{bucketId}/files", "main",
            "0xb1", "prefix=docs/", "underReplicated=false");
    private final SortKey key = SortKey.of("docs/ünï 😀/a b+c.txt", "0xf1");

    @Test
    void decode_returnsTheEncodedKey_forTheSameList() {
        String cursor = codec.encode(key, files);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(cursor, files)).isEqualTo(key);
    }

    @Test
    void decode_rejectsACursorOfAnotherList() {
        String cursor = codec.encode(key, files);

        for (ListIdentity other : new ListIdentity[] {
                ListIdentity.of(files.route(), "other", "0xb1", "prefix=docs/", "underReplicated=false"),
                ListIdentity.of(files.route(), "main", "0xb2", "prefix=docs/", "underReplicated=false"),
                ListIdentity.of(files.route(), "main", "0xb1", "prefix=", "underReplicated=false"),
                ListIdentity.of(files.route(), "main", "0xb1", "prefix=docs/", "underReplicated=true"),
                ListIdentity.of("/v1/chains/{chain}/accounts/{account}/files", "main", "0xb1", "prefix=docs/",
                        "underReplicated=false")}) {
            assertInvalid(cursor, other);
        }
    }

    @Test
    void decode_rejectsEveryEditedByte() {
        byte[] raw = Base64.getUrlDecoder().decode(codec.encode(key, files));

        for (int i = 0; i < raw.length; i++) {
            byte[] edited = raw.clone();
            edited[i] ^= 0x01;
            assertInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(edited), files);
        }
    }

    @Test
    void decode_rejectsACursorSignedWithAnotherSecret() {
        String forged = new CursorCodec("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8))
                .encode(key, files);

        assertInvalid(forged, files);
    }

    @Test
    void decode_rejectsGarbage() {
        for (String garbage : new String[] {"", "!", "abc", "====", "A".repeat(CursorCodec.MAX_CURSOR_CHARS + 1),
                Base64.getUrlEncoder().encodeToString(new byte[40]), "a/b+c"}) {
            assertInvalid(garbage, files);
        }
    }

    private void assertInvalid(String cursor, ListIdentity list) {
        assertThatThrownBy(() -> codec.decode(cursor, list))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type())
                        .isEqualTo(ProblemType.INVALID_PARAMETER))
                .hasMessageContaining("cursor");
    }
}
