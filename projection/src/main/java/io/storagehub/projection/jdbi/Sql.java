package io.storagehub.projection.jdbi;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** The adapter's SQL, kept in {@code .sql} resources next to the class that runs it (comments stripped). */
final class Sql {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();

    private Sql() {
    }

    /** The statement in {@code <owner's package and name>/<name>.sql}, e.g. {@code .../JdbiStateLoader/msps.sql}. */
    static String of(Class<?> owner, String name) {
        return LOCATOR.locate(owner, name);
    }
}
