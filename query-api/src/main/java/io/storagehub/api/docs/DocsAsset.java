package io.storagehub.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A file of the /docs page, read once from the class path: ours (next to this class) or Swagger UI's webjar. */
record DocsAsset(byte[] body, String contentType) {
    /** Written by Maven into the webjar: its version names the folder that holds its files. */
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String WEBJAR_FILES = "META-INF/resources/webjars/swagger-ui/";

    static DocsAsset own(String name, String contentType) {
        return new DocsAsset(read(DocsAsset.class.getResourceAsStream(name), name), contentType);
    }

    static DocsAsset swaggerUi(String name, String contentType) {
        String path = WEBJAR_FILES + swaggerUiVersion() + "/" + name;
        return new DocsAsset(read(DocsAsset.class.getClassLoader().getResourceAsStream(path), path), contentType);
    }

    static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = DocsAsset.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WEBJAR_POM + " (the org.webjars:swagger-ui jar)");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(InputStream resource, String name) {
        if (resource == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try (InputStream in = resource) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
