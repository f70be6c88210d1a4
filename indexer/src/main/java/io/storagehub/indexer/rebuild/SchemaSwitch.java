package io.storagehub.indexer.rebuild;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a rebuilt schema in place of the live one in one transaction: the live checkpoint table is locked first
 * (so every in-flight live batch commits before, and every later one sees the switch and re-seeks), then the
 * live outbox (so the relay's marks land either before the copy or, after the switch, on the copied rows), the
 * live outbox's dead letters are carried over with their ids, the privileges other roles hold on the live schema
 * and its tables (such as the query API's read-only role) are granted on the rebuilt ones, then
 * {@code live -> old} and {@code rebuild -> live} are renamed: a reader never sees the live name without its
 * grants. Schema names are validated identifiers, quoted where they are put into the statements.
 */
public final class SchemaSwitch {
    private static final Logger log = LoggerFactory.getLogger(SchemaSwitch.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final ClasspathSqlLocator SQL = ClasspathSqlLocator.create();

    private SchemaSwitch() {
    }

    /** Switches and returns the old live schema's new name, or empty when there was no live schema. */
    public static Optional<String> swap(Jdbi jdbi, String live, String rebuild, String old) {
        return jdbi.inTransaction(handle -> {
            boolean liveExists = exists(handle, live);
            if (liveExists && isReadModel(handle, live)) {
                update(handle, "lockLiveCheckpoints", live, rebuild);
                update(handle, "lockLiveDeadLetters", live, rebuild);
                update(handle, "dropHandledDeadLetters", live, rebuild);
                update(handle, "parkRebuildDeadLetters", live, rebuild);
                update(handle, "copyLiveDeadLetters", live, rebuild);
                query(handle, "continueIds", live, rebuild);
                handle.createUpdate(SQL.locate(SchemaSwitch.class, "renumberParked"))
                        .define("rebuild", quoted(rebuild)).bind("table", quoted(rebuild) + ".dead_letter")
                        .execute();
            }
            if (liveExists) {
                carryGrants(handle, live, rebuild);
                rename(handle, live, old);
            }
            rename(handle, rebuild, live);
            log.atInfo().addKeyValue("live", live).addKeyValue("old", liveExists ? old : "-")
                    .log("rebuilt schema switched in");
            return liveExists ? Optional.of(old) : Optional.<String>empty();
        });
    }

    /** Grants on {@code rebuild} what other roles hold on {@code live}: schema, table and default privileges. */
    private static void carryGrants(Handle handle, String live, String rebuild) {
        List<String> grants = handle.createQuery(SQL.locate(SchemaSwitch.class, "carriedGrants"))
                .bind("live", live).bind("rebuild", rebuild).mapTo(String.class).list();
        // plain JDBC: the statements are complete SQL (identifiers quoted by format()), not templates to parse
        try (Statement statement = handle.getConnection().createStatement()) {
            for (String grant : grants) {
                statement.execute(grant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("granting the live schema's privileges on " + rebuild + " failed: "
                    + e.getMessage(), e);
        }
        log.atInfo().addKeyValue("grants", grants.size()).addKeyValue("schema", rebuild)
                .log("privileges of the live schema carried over to the rebuilt one");
    }

    public static void drop(Jdbi jdbi, String schema) {
        jdbi.useHandle(handle -> handle.createUpdate(SQL.locate(SchemaSwitch.class, "dropSchema"))
                .define("name", quoted(schema)).execute());
    }

    public static boolean exists(Jdbi jdbi, String schema) {
        return jdbi.withHandle(handle -> exists(handle, schema));
    }

    private static boolean exists(Handle handle, String schema) {
        return handle.createQuery(SQL.locate(SchemaSwitch.class, "schemaExists")).bind("name", schema)
                .mapTo(Boolean.class).one();
    }

    /** Whether the schema holds a migrated read model (an empty or foreign schema has nothing to carry over). */
    private static boolean isReadModel(Handle handle, String schema) {
        for (String table : new String[] {"source_checkpoint", "dead_letter"}) {
            boolean present = handle.createQuery(SQL.locate(SchemaSwitch.class, "tableExists"))
                    .bind("name", quoted(schema) + "." + table).mapTo(Boolean.class).one();
            if (!present) {
                return false;
            }
        }
        return true;
    }

    private static void update(Handle handle, String name, String live, String rebuild) {
        handle.createUpdate(SQL.locate(SchemaSwitch.class, name))
                .define("live", quoted(live)).define("rebuild", quoted(rebuild))
                .execute();
    }

    private static void query(Handle handle, String name, String live, String rebuild) {
        handle.createQuery(SQL.locate(SchemaSwitch.class, name))
                .define("rebuild", quoted(rebuild))
                .bind("table", quoted(rebuild) + ".dead_letter")
                .mapToMap().list();
    }

    private static void rename(Handle handle, String from, String to) {
        handle.createUpdate(SQL.locate(SchemaSwitch.class, "renameSchema"))
                .define("from", quoted(from)).define("to", quoted(to)).execute();
    }

    static String quoted(String identifier) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a schema identifier: '" + identifier + "'");
        }
        return "\"" + identifier + "\"";
    }
}
