package io.storagehub.api.problem;

import java.util.OptionalLong;

/**
 * A failure the API answers with a specific problem: thrown by parameter parsing, lookups and the consistency
 * gate, turned into {@code application/problem+json} by {@link ProblemMapper} (handlers never format errors).
 */
public final class ApiProblem extends RuntimeException {
    private final ProblemType type;
    private final OptionalLong retryAfterSeconds;

    private ApiProblem(ProblemType type, String detail, OptionalLong retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(ProblemType.INVALID_PARAMETER, detail, OptionalLong.empty());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ProblemType.NOT_FOUND, detail, OptionalLong.empty());
    }

    public static ApiProblem indexBehind(String detail, long retryAfterSeconds) {
        return new ApiProblem(ProblemType.INDEX_BEHIND, detail, OptionalLong.of(retryAfterSeconds));
    }

    public static ApiProblem unavailable(String detail, long retryAfterSeconds) {
        return new ApiProblem(ProblemType.DATABASE_UNAVAILABLE, detail, OptionalLong.of(retryAfterSeconds));
    }

    public static ApiProblem tooManySubscribers(String detail, long retryAfterSeconds) {
        return new ApiProblem(ProblemType.TOO_MANY_SUBSCRIBERS, detail, OptionalLong.of(retryAfterSeconds));
    }

    public static ApiProblem notReady(String detail, long retryAfterSeconds) {
        return new ApiProblem(ProblemType.NOT_READY, detail, OptionalLong.of(retryAfterSeconds));
    }

    public ProblemType type() {
        return type;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
