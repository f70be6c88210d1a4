package io.storagehub.reliability.support;

import java.nio.file.Path;

/** Where a scenario writes its logs. */
public final class Env {

    private Env() {
    }

    public static Path logs(String scenario) {
        return Path.of(System.getProperty("reliability.out", "target/reliability"), "logs", scenario);
    }
}
