package io.storagehub.projection.jdbi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Update;

/**
 * Statements of one transaction whose results are not read, sent together as one multi-statement string: the
 * driver sends every statement of it before it reads their results, so a batch's writes cost one round trip to
 * Postgres instead of one per table. On a busy machine each round trip is two context switches and a wait for the
 * other side to be scheduled, which is a large part of a small batch's time.
 *
 * <p>The statements run in the order they were added, each seeing the effects of those before it, exactly as
 * separate statements of the same transaction would; the first that fails fails the whole. Each statement's named
 * parameters are renamed apart ({@code :chain} of the third statement becomes {@code :s2_chain}), and its comments
 * are dropped (a comment may hold text that looks like a parameter or a statement separator).
 */
final class Statements {
    private static final Pattern COMMENT = Pattern.compile("--[^\n]*");
    /** A named parameter: a colon and a name, the colon not part of a {@code ::} cast. */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");
    /** The statements as renamed for their place in a group: the key is the place, a line feed and the statement. */
    private static final Map<String, String> RENAMED = new ConcurrentHashMap<>();

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Argument> arguments = new LinkedHashMap<>();
    private int count;

    /** Adds a statement and the arguments of its named parameters (each of them, by name). */
    Statements add(String statement, Map<String, Argument> namedArguments) {
        String prefix = "s" + count + "_";
        String renamed = RENAMED.computeIfAbsent(count + "\n" + statement, k -> rename(statement, prefix));
        if (count > 0) {
            sql.append(";\n");
        }
        sql.append(renamed);
        namedArguments.forEach((name, argument) -> {
            if (arguments.put(prefix + name, argument) != null) {
                throw new IllegalArgumentException("parameter " + name + " bound twice");
            }
        });
        count++;
        return this;
    }

    /** Sends the statements added, in one round trip; nothing when there are none. Forgets them. */
    void execute(Handle handle) {
        if (count == 0) {
            return;
        }
        Update update = handle.createUpdate(sql.toString());
        arguments.forEach(update::bind);
        update.execute();
        sql.setLength(0);
        arguments.clear();
        count = 0;
    }

    /**
     * A value bound with {@code setObject}: the driver picks the type from the Java class (a {@code String}, an
     * {@code Integer}, a {@code Long}, or an array of them, which it sends in Postgres' binary array format).
     */
    static Argument value(Object value) {
        return (position, statement, context) -> statement.setObject(position, value);
    }

    static String rename(String statement, String prefix) {
        String text = COMMENT.matcher(statement).replaceAll("").strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        return PARAMETER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(":" + prefix + m.group(1)));
    }
}
