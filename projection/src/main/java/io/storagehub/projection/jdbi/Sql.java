package io.storagehub.projection.jdbi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The adapter's SQL, kept in {@code .sql} resources next to the class that runs it (comments stripped). Each
 * statement is located once and then served from memory: locating builds the resource path and parses the file
 * on every call, which queries would otherwise pay per request.
 */
final class Sql {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();
    private static final Map<Key, String> LOCATED = new ConcurrentHashMap<>();

    private record Key(Class<?> owner, String name) {
    }

    private Sql() {
    }

    /** The statement in {@code <owner's package and name>/<name>.sql}, e.g. {@code .../JdbiStateLoader/msps.sql}. */
    static String of(Class<?> owner, String name) {
        return LOCATED.computeIfAbsent(new Key(owner, name), key -> LOCATOR.locate(key.owner(), key.name()));
    }
}
