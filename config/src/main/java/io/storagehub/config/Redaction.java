package io.storagehub.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of logs and error messages. A key is a secret when its name ends in {@code PASSWORD},
 * {@code SECRET}, {@code TOKEN} or {@code JAAS_CONFIG}; its value is never shown. A URL shown anywhere goes
 * through {@link #url} first.
 */
public final class Redaction {
    public static final String MASK = "***";
    private static final String[] SECRET_ENDINGS = {"PASSWORD", "SECRET", "TOKEN", "JAAS_CONFIG"};
    /** {@code password=...} and {@code sslpassword=...} query parameters, up to the next separator. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");
    /** {@code scheme://user:pass@host}: the password part of the authority. */
    private static final Pattern USER_INFO = Pattern.compile("(://[^/@:\\s]*:)[^/\\s]*@");

    private Redaction() {
    }

    /** Whether {@code key}'s value must never be shown (and may be read from {@code <key>_FILE}). */
    public static boolean isSecret(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        for (String ending : SECRET_ENDINGS) {
            if (upper.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** {@code url} with the password of {@code password=} parameters and of {@code user:pass@} replaced. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }

    /** How a value appears in a message: quoted and URL-masked, or a placeholder for a secret. */
    static String shown(String key, Object value) {
        if (isSecret(key)) {
            return "(secret, not shown)";
        }
        return value == null ? "(not set)" : "'" + url(String.valueOf(value)) + "'";
    }
}
