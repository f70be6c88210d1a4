package io.storagehub.infra.deploy;

import io.storagehub.api.config.ConfigKey;
import io.storagehub.config.Redaction;
import io.storagehub.indexer.config.IndexerConfig;
import io.storagehub.infra.simulator.SimulatorCli;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/** The STORAGEHUB_* configuration keys the services' code reads, taken from their config classes. */
final class ConfigKeys {
    private static final String PREFIX = "STORAGEHUB_";

    private ConfigKeys() {
    }

    /**
     * Every key constant of the indexer's config package ({@code IndexerConfig}, {@code DbConfig}, ...), and the
     * {@code <KEY>_FILE} variant of each secret.
     */
    static Set<String> indexer() {
        return withSecretFiles(indexerKeys());
    }

    /** The key constants of the indexer's config package alone. */
    static Set<String> indexerKeys() {
        Set<String> keys = new TreeSet<>();
        for (Class<?> type : classesInPackageOf(IndexerConfig.class)) {
            for (Field f : type.getDeclaredFields()) {
                int m = f.getModifiers();
                boolean constant = Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m);
                if (constant && f.getType() == String.class) {
                    String value = constant(f);
                    if (value.startsWith(PREFIX) && f.getName().equals(f.getName().toUpperCase())) {
                        keys.add(value);
                    }
                }
            }
        }
        return keys;
    }

    static Set<String> api() {
        return withSecretFiles(Arrays.stream(ConfigKey.values()).map(ConfigKey::env)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private static Set<String> withSecretFiles(Set<String> keys) {
        Set<String> all = new TreeSet<>(keys);
        keys.stream().filter(Redaction::isSecret).forEach(k -> all.add(k + "_FILE"));
        return all;
    }

    /** The API keys without a default. */
    static Set<String> apiRequired() {
        return Arrays.stream(ConfigKey.values()).filter(k -> k.defaultValue() == null).map(ConfigKey::env)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> simulator() {
        return Set.of(SimulatorCli.KAFKA_ENV, SimulatorCli.TOPIC_ENV);
    }

    private static String constant(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level and nested classes of {@code anchor}'s package, from its jar or class directory. */
    private static List<Class<?>> classesInPackageOf(Class<?> anchor) {
        String pkg = anchor.getPackageName().replace('.', '/') + "/";
        List<String> entries = new ArrayList<>();
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(pkg))) {
                    files.forEach(p -> entries.add(pkg + p.getFileName()));
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(pkg) && n.indexOf('/', pkg.length()) < 0)
                            .forEach(entries::add);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the classes of " + pkg, e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String entry : entries) {
            if (entry.endsWith(".class")) {
                String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    classes.add(Class.forName(name, false, anchor.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return classes;
    }
}
