package io.storagehub.testkit.postgres;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Random, safe schema names ({@code t_} + 12 lowercase alphanumerics) and URLs that default to them. */
final class SchemaNames {
    private static final Pattern SAFE = Pattern.compile("t_[a-z0-9]{12}");
    private static final Pattern CURRENT_SCHEMA_PARAM = Pattern.compile("([?&])currentSchema=[^&]*&?");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SchemaNames() {
    }

    static String random() {
        StringBuilder name = new StringBuilder("t_");
        for (int i = 0; i < 12; i++) {
            name.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return name.toString();
    }

    /**
     * The name as a quoted SQL identifier. DDL cannot bind identifiers as parameters, so only names of the
     * generated shape are accepted.
     */
    static String quoted(String name) {
        if (!SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a generated schema name: " + name);
        }
        return '"' + name + '"';
    }

    /** {@code url} with its {@code currentSchema} parameter (if any) replaced by {@code schema}. */
    static String withCurrentSchema(String url, String schema) {
        String base = CURRENT_SCHEMA_PARAM.matcher(url).replaceAll("$1");
        if (base.endsWith("?") || base.endsWith("&")) {
            return base + "currentSchema=" + schema;
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
