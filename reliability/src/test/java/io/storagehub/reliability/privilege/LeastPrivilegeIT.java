package io.storagehub.reliability.privilege;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storagehub.api.QueryApi;
import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.db.ApiDatabase;
import io.storagehub.api.support.PostgresFixture;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.support.HttpProbe;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.testkit.chain.ChainGenerator;
import io.storagehub.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: the API's database role can read the read model and nothing else: every write, lock and DDL
 * statement on every table fails with a permission error (42501) even after the session turns its read-only
 * default off, and through the API's own pool writes fail as read-only (25006). A runaway query through that
 * pool is cancelled at the statement timeout (57014), and a request stuck behind a lock is answered 503 in time.
 */
class LeastPrivilegeIT {
    private static final String CHAIN = "privilege";
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final Pattern INSERT_INTO = Pattern.compile("^INSERT INTO (\\w+) ");

    @Test
    void theApiRole_cannotWrite_andRunawayQueriesAreStoppedInTime() throws Exception {
        Sizes sizes = Sizes.fromSystemProperties();
        try (Scenario scenario = Scenario.start("least-privilege", "The API's database role and statement timeout",
                getClass(), sizes);
             PostgresFixture db = PostgresFixture.create(ChainGenerator.of(CHAIN, 7).take(2_000))) {
            ApiConfig config = new ApiConfig("127.0.0.1", 0, 32, TestDatabase.jdbcUrl(), db.role(), db.rolePassword(),
                    db.schemaName(), 4, STATEMENT_TIMEOUT, Duration.ofMillis(500),
                    "reliability-cursor-secret-0123456789abcdef", Duration.ofSeconds(10), Duration.ofMillis(200),
                    Duration.ofSeconds(1));
            Map<String, String> digestBefore = db.digest();
            try (Connection admin = TestDatabase.adminDataSource().getConnection()) {
                if (admin.getMetaData().getDatabaseMajorVersion() < 15) {
                    try (Statement s = admin.createStatement()) {
                        s.execute(Statements.one("revoke-public-create.sql"));
                    }
                }
                // the role itself, with its read-only session default turned off: privileges alone must refuse
                try (Connection role = DriverManager.getConnection(TestDatabase.jdbcUrl(), db.role(),
                        db.rolePassword())) {
                    try (PreparedStatement path = role.prepareStatement(Statements.one("search-path.sql"));
                         Statement s = role.createStatement()) {
                        path.setString(1, db.schemaName());
                        path.execute();
                        s.execute(Statements.one("writable-session.sql"));
                    }
                    List<String> tableWrites = Statements.lines("table-writes.sql");
                    Map<String, String> writes = Statements.attempt(role, tableWrites);
                    Map<String, String> ddl = Statements.attempt(role, Statements.lines("ddl.sql"));
                    TreeSet<String> tables = tables(admin, db.schemaName());
                    TreeSet<String> covered = new TreeSet<>();
                    tableWrites.forEach(sql -> {
                        Matcher m = INSERT_INTO.matcher(sql);
                        if (m.find()) {
                            covered.add(m.group(1));
                        }
                    });
                    List<String> wrongWrites = Statements.notFailingWith(writes, "42501");
                    List<String> wrongDdl = Statements.notFailingWith(ddl, "42501");
                    scenario.figure(Scenario.FAULTS, writes.size() + ddl.size())
                            .figure("tables", tables.size())
                            .figure("tableWritesAttempted", writes.size())
                            .figure("tableWritesDeniedByPrivilege", writes.size() - wrongWrites.size())
                            .figure("ddlAttempted", ddl.size()).figure("ddlDeniedByPrivilege", ddl.size()
                                    - wrongDdl.size())
                            .figure("statementsNotDenied", wrongWrites.size() + wrongDdl.size())
                            .check("every table of the schema is attempted", covered.equals(tables),
                                    "tables " + tables + ", attempted " + covered)
                            .check("every write, lock and copy on every table is denied (42501)",
                                    wrongWrites.isEmpty(), wrongWrites)
                            .check("every DDL and sequence change is denied (42501)", wrongDdl.isEmpty(), wrongDdl);
                }
            }
            poolAndTimeouts(scenario, config);
            apiBehindALock(scenario, config);
            scenario.check("the database is unchanged", db.digest().equals(digestBefore), "table digests differ");
            scenario.verify();
        }
    }

    /** Through the API's own pool: writes are read-only errors, a runaway query stops at the timeout. */
    private static void poolAndTimeouts(Scenario scenario, ApiConfig config) throws SQLException {
        try (ApiDatabase pool = ApiDatabase.open(config, new SimpleMeterRegistry());
             Connection connection = pool.dataSource().getConnection()) {
            Map<String, String> insert = Statements.attempt(connection, Statements.lines("insert-through-pool.sql"));
            long start = System.nanoTime();
            Map<String, String> sleep = Statements.attempt(connection, Statements.lines("sleep.sql"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            scenario.figure("pool.insertState", insert.values().iterator().next())
                    .figure("pool.runawayQueryState", sleep.values().iterator().next())
                    .figure("pool.runawayQueryStoppedAfterMs", millis)
                    .figure("pool.statementTimeoutMs", STATEMENT_TIMEOUT.toMillis())
                    .check("a write through the API's pool is refused as read-only (25006)",
                            Statements.notFailingWith(insert, "25006").isEmpty(), insert)
                    .check("pg_sleep(60) through the API's pool is cancelled (57014)",
                            Statements.notFailingWith(sleep, "57014").isEmpty(), sleep)
                    .check("... within the statement timeout", millis >= STATEMENT_TIMEOUT.toMillis() - 50
                            && millis <= STATEMENT_TIMEOUT.plus(SLACK).toMillis(), millis + " ms");
        }
    }

    /** A request whose query waits behind a lock is answered 503 once the statement timeout passes. */
    private static void apiBehindALock(Scenario scenario, ApiConfig config) throws SQLException {
        try (QueryApi api = QueryApi.start(config);
             Connection admin = TestDatabase.adminDataSource().getConnection()) {
            HttpProbe http = new HttpProbe(api.port());
            String msps = "/v1/chains/" + CHAIN + "/msps?limit=5";
            int before = http.status(msps);
            admin.setAutoCommit(false);
            try (PreparedStatement path = admin.prepareStatement(Statements.one("search-path.sql"));
                 Statement lock = admin.createStatement()) {
                path.setString(1, config.dbSchema());
                path.execute();
                lock.execute(Statements.one("lock-msp.sql"));
            }
            HttpProbe.Answer locked = http.get(msps);
            admin.rollback();
            int after = http.status(msps);
            scenario.figure("api.lockedRequestStatus", locked.status())
                    .figure("api.lockedRequestMs", locked.millis())
                    .figure(Scenario.HTTP_5XX, locked.status() >= 500 && locked.status() != 503 ? 1 : 0)
                    .check("the API answers before the lock", before == 200, before)
                    .check("a request stuck behind a lock is answered 503", locked.status() == 503, locked)
                    .check("... within the statement timeout", locked.millis() <= STATEMENT_TIMEOUT.plus(SLACK)
                            .toMillis(), locked.millis() + " ms")
                    .check("... as a problem without internals", locked.body().contains("/problems/")
                            && !locked.body().contains("Exception") && !locked.body().contains("SQL"), locked.body())
                    .check("the API answers again once the lock is gone", after == 200, after);
        }
    }

    private static TreeSet<String> tables(Connection admin, String schema) throws SQLException {
        TreeSet<String> tables = new TreeSet<>();
        try (PreparedStatement s = admin.prepareStatement(Statements.one("tables.sql"))) {
            s.setString(1, schema);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }
}
