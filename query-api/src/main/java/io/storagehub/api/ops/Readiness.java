package io.storagehub.api.ops;

import java.util.Optional;

/** Whether the API can answer: the database is reachable and the read model's migrations are applied. */
@FunctionalInterface
public interface Readiness {

    /** Empty when ready, else why not (for the problem detail; no secrets, no stack traces). */
    Optional<String> notReadyReason();
}
