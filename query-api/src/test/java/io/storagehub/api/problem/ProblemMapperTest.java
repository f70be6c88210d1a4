package io.storagehub.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.NotFoundResponse;
import io.storagehub.schema.value.InvalidValueException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    @Test
    void apiProblems_keepTheirTypeDetailAndRetryAfter() {
        ProblemMapper.Answer answer = ProblemMapper.map(
                new CompletionException(ApiProblem.indexBehind("not yet", 1)), "r1");

        assertThat(answer.problem().status()).isEqualTo(503);
        assertThat(answer.problem().type()).isEqualTo(ProblemType.INDEX_BEHIND.uri());
        assertThat(answer.problem().detail()).isEqualTo("not yet");
        assertThat(answer.retryAfterSeconds()).hasValue(1);
    }

    @Test
    void invalidValues_are400() {
        ProblemMapper.Answer answer = ProblemMapper.map(new InvalidValueException("file key must be hex"), "r2");

        assertThat(answer.problem().status()).isEqualTo(400);
        assertThat(answer.problem().detail()).isEqualTo("file key must be hex");
    }

    @Test
    void unavailableDatabases_are503_withRetryAfter() {
        for (Exception failure : new Exception[] {
                new SQLTransientConnectionException("pool timed out"),
                new IllegalStateException(new SQLException("terminating connection", "57P01")),
                new RuntimeException(new SQLException("connection refused", "08001")),
                new RuntimeException(new SQLException("canceling statement due to statement timeout", "57014")),
                new ConnectionException(new SQLException("no route"))}) {
            ProblemMapper.Answer answer = ProblemMapper.map(failure, "r3");

            assertThat(answer.problem().status()).as("%s", failure).isEqualTo(503);
            assertThat(answer.problem().type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE.uri());
            assertThat(answer.retryAfterSeconds()).hasValue(ProblemMapper.DATABASE_RETRY_AFTER_SECONDS);
            assertThat(answer.problem().detail()).doesNotContain("SQL", "57P01", "refused");
        }
    }

    @Test
    void aReadModelTheRoleMayNotRead_is503_namingThePrivilege_issue12() {
        for (String state : new String[] {"42501", "42P01", "3F000"}) {
            ProblemMapper.Answer answer = ProblemMapper.map(
                    new RuntimeException(new SQLException("permission denied for table file", state)), "r6");

            assertThat(answer.problem().status()).as(state).isEqualTo(503);
            assertThat(answer.problem().type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE.uri());
            assertThat(answer.problem().detail()).contains("database role", "grant").doesNotContain("file");
            assertThat(answer.retryAfterSeconds()).hasValue(ProblemMapper.DATABASE_RETRY_AFTER_SECONDS);
        }
    }

    @Test
    void frameworkNotFound_is404() {
        assertThat(ProblemMapper.map(new NotFoundResponse("x"), "r4").problem().status()).isEqualTo(404);
    }

    @Test
    void anythingElse_is500_withAGenericDetailNamingTheRequest() {
        ProblemMapper.Answer answer = ProblemMapper.map(new IllegalStateException("secret internals at x.y.Z"),
                "req-42");

        assertThat(answer.problem().status()).isEqualTo(500);
        assertThat(answer.problem().detail()).contains("req-42").doesNotContain("secret", "IllegalState");
        assertThat(new String(ProblemJson.bytes(answer.problem()))).doesNotContain("Exception");
        assertThat(ProblemMapper.map(new SQLException("syntax error", "42601"), "r5").problem().status())
                .isEqualTo(500);
    }
}
