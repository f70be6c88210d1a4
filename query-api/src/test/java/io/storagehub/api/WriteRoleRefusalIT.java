package io.storagehub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.db.RoleGuard;
import io.storagehub.api.support.Http;
import io.storagehub.api.support.PostgresFixture;
import io.storagehub.schema.migration.Migrations;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.postgres.IsolatedSchema;
import io.storagehub.testkit.postgres.TestDatabase;
import io.storagehub.testkit.wait.Wait;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 12: the API refuses to serve on a database role that can write the read model (superuser, owner, write
 * privileges), naming what the role can change and the setting that allows it; with the setting it starts and warns.
 */
class WriteRoleRefusalIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static PostgresFixture database;
    private static final String WRITER = "writer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();

    @BeforeAll
    static void readModelAndARoleThatMayInsert() throws SQLException {
        database = PostgresFixture.create(ChainGenerator.of("refusal", 3).take(300));
        admin("CREATE ROLE " + WRITER + " LOGIN PASSWORD '" + WRITER_PASSWORD + "'",
                "GRANT USAGE ON SCHEMA " + database.schemaName() + " TO " + WRITER,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + database.schemaName() + " TO " + WRITER,
                "GRANT INSERT, DELETE ON " + database.schemaName() + ".bucket TO " + WRITER);
    }

    @AfterAll
    static void dropThem() throws SQLException {
        database.close();
        admin("DROP OWNED BY " + WRITER, "DROP ROLE " + WRITER);
    }

    @Test
    void start_refuses_theOwnersRole_namingTheProblemAndTheSetting() {
        ApiConfig owner = database.apiConfigAs(TestDatabase.user(), TestDatabase.password(), false);

        assertThatThrownBy(() -> QueryApi.start(owner).close())
                .isInstanceOf(RoleGuard.UnsafeRoleException.class)
                .hasMessageMatching("(?s).*(is a superuser|owns schema " + database.schemaName() + ").*")
                .hasMessageContaining("STORAGEHUB_API_ALLOW_WRITE_ROLE=true");
    }

    @Test
    void start_refuses_aRoleWithWritePrivileges_namingThem() {
        assertThatThrownBy(() -> QueryApi.start(database.apiConfigAs(WRITER, WRITER_PASSWORD, false)).close())
                .isInstanceOf(RoleGuard.UnsafeRoleException.class)
                .hasMessageContaining("has INSERT on bucket")
                .hasMessageContaining("has DELETE on bucket")
                .hasMessageContaining("'" + WRITER + "'");
    }

    @Test
    void start_withTheAllowance_serves_andWarns() {
        ListAppender<ILoggingEvent> log = capture();
        try (QueryApi api = QueryApi.start(database.apiConfigAs(WRITER, WRITER_PASSWORD, true))) {
            Http http = new Http(api.port());
            assertThat(http.get("/ready").status()).isEqualTo(200);
            assertThat(http.get("/v1/chains/refusal/msps?limit=2").status()).isEqualTo(200);
            assertThat(log.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("can write the read model", "has INSERT on bucket");
            });
        } finally {
            release(log);
        }
    }

    @Test
    void start_onTheReadOnlyRole_servesWithoutWarning() {
        ListAppender<ILoggingEvent> log = capture();
        try (QueryApi api = QueryApi.start(database.apiConfig())) {
            assertThat(new Http(api.port()).get("/ready").status()).isEqualTo(200);
            assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        } finally {
            release(log);
        }
    }

    @Test
    void aWriteRoleFoundAfterStart_stopsTheApi() throws Exception {
        // given: the API starts before the indexer migrated its schema, so the role cannot be judged yet
        try (IsolatedSchema empty = TestDatabase.isolatedSchema()) {
            ApiConfig base = database.apiConfigAs(TestDatabase.user(), TestDatabase.password(), false);
            ApiConfig config = new ApiConfig(base.httpHost(), base.httpPort(), base.httpMaxThreads(), base.dbUrl(),
                    base.dbUser(), base.dbPassword(), empty.name(), base.dbPoolSize(), base.statementTimeout(),
                    base.dbConnectTimeout(), base.cursorSecret(), base.maxWait(), base.waitPoll(),
                    base.indexedMaxAge(), false);
            QueryApi api = QueryApi.start(config);
            try {
                Http http = new Http(api.port());
                assertThat(http.get("/ready").status()).isEqualTo(503);
                assertThat(api.refusal()).isNotDone();
                // when: the schema is migrated and the readiness probe asks again
                Migrations.migrate(empty.dataSource(), empty.name());
                Http.Answer probe = http.get("/ready");
                // then: that probe is answered 503 naming the reason, and the API stops itself, saying why
                assertThat(probe.status()).isEqualTo(503);
                assertThat(probe.body()).contains("can write the read model");
                Wait.until(TIMEOUT, "the API refused to start", () -> api.refusal().isDone());
                assertThat(api.refusal().get(5, TimeUnit.SECONDS))
                        .hasMessageMatching("(?s).*(is a superuser|owns schema " + empty.name() + ").*");
                assertThatThrownBy(() -> http.get("/ready")).hasCauseInstanceOf(java.net.ConnectException.class);
            } finally {
                api.close();
            }
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(RoleGuard.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(RoleGuard.class)).detachAppender(appender);
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = TestDatabase.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
