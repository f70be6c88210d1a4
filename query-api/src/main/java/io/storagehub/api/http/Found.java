package io.storagehub.api.http;

import io.storagehub.api.problem.ApiProblem;
import java.util.Optional;

/** Turns a missing entity into a 404 whose detail names it. */
public final class Found {
    private Found() {
    }

    public static <T> T orNotFound(Optional<T> entity, String what, Object id, String chain) {
        return entity.orElseThrow(() -> notFound(what, id, chain));
    }

    public static ApiProblem notFound(String what, Object id, String chain) {
        return ApiProblem.notFound(what + " " + id + " is not indexed on chain " + chain);
    }
}
