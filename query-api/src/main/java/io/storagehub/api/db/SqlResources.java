package io.storagehub.api.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SQL scripts read from the classpath, once, at class initialisation of their users. */
final class SqlResources {
    private SqlResources() {
    }

    /** The text of {@code path}, resolved like {@link Class#getResourceAsStream}: relative to this package. */
    static String text(String path) {
        try (InputStream in = SqlResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
