package io.storagehub.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Replaces {@code <KEY>_FILE} by {@code <KEY>} with the content of the named file, for every secret key (see
 * {@link Redaction#isSecret}), within one source. Setting both in one source is an error naming both. The file's
 * trailing line break is dropped. Other keys ending in {@code _FILE} are left as they are.
 */
final class SecretFiles {
    static final String SUFFIX = "_FILE";
    private static final long MAX_BYTES = 64 * 1024;

    private SecretFiles() {
    }

    static Map<String, String> resolve(Map<String, String> source) {
        Map<String, String> resolved = new HashMap<>(source);
        source.forEach((fileKey, path) -> {
            if (!fileKey.endsWith(SUFFIX) || path == null) {
                return;
            }
            String key = fileKey.substring(0, fileKey.length() - SUFFIX.length());
            if (!Redaction.isSecret(key)) {
                return;
            }
            if (source.get(key) != null) {
                throw new ConfigException(key + " and " + fileKey + " are both set: set only one of them");
            }
            resolved.remove(fileKey);
            resolved.put(key, read(fileKey, path.trim()));
        });
        return resolved;
    }

    private static String read(String fileKey, String path) {
        try {
            Path file = Path.of(path);
            if (Files.size(file) > MAX_BYTES) {
                throw ConfigException.invalid(fileKey, path, "a readable file of at most " + MAX_BYTES + " bytes");
            }
            return withoutTrailingLineBreak(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw ConfigException.invalid(fileKey, path, "a readable file holding the value (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static String withoutTrailingLineBreak(String text) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(0, end);
    }
}
