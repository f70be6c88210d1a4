package io.storagehub.api;

import io.storagehub.api.config.ApiConfig;
import io.storagehub.api.config.ConfigKey;
import io.storagehub.api.db.RoleGuard;
import io.storagehub.config.ConfigException;
import io.storagehub.config.Key;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** {@code java -cp ... io.storagehub.api.Main [--config FILE]}: runs the query API until the process is stopped. */
public final class Main {
    static final String CONFIG_FILE_ENV = "STORAGEHUB_API_CONFIG";

    private Main() {
    }

    public static void main(String[] args) {
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Starts the API (returns 0 and leaves it running), or prints help (0) or a usage/config error (2). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<Path> file = Optional.ofNullable(System.getenv(CONFIG_FILE_ENV)).map(Path::of);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                help(out);
                return 0;
            } else if (args[i].equals("--config") && i + 1 < args.length) {
                file = Optional.of(Path.of(args[++i]));
            } else {
                err.println("unknown argument: " + args[i] + " (try --help)");
                return 2;
            }
        }
        ApiConfig config;
        try {
            config = ApiConfig.load(System.getenv(), file);
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            err.println("(see --help for every key)");
            return 2;
        }
        QueryApi api;
        try {
            api = QueryApi.start(config);
        } catch (RoleGuard.UnsafeRoleException e) {
            err.println(e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::stop, "query-api-stop"));
        api.refusal().thenAccept(refused -> {
            err.println(refused.getMessage());
            System.exit(2);
        });
        return 0;
    }

    static void help(PrintStream out) {
        out.println("StorageHub indexer query API: read-only HTTP/JSON over the indexed read model.");
        out.println();
        out.println("usage: io.storagehub.api.Main [--config FILE] [--help]");
        out.println("  --config FILE  a properties file with the keys below (also: " + CONFIG_FILE_ENV + ");");
        out.println("                 environment variables override it");
        out.println();
        out.println("configuration (environment variable, default, meaning):");
        out.print(Key.table(ConfigKey.catalogue()));
        out.println();
        out.println("endpoints: /v1/chains/..., /health, /ready, /metrics, /openapi.json");
    }
}
