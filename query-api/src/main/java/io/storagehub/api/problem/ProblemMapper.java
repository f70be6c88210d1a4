package io.storagehub.api.problem;

import io.javalin.http.HttpResponseException;
import io.storagehub.schema.value.InvalidValueException;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become problem answers. Client mistakes become 4xx with a detail naming the
 * parameter; an unavailable database becomes 503 with {@code Retry-After}; anything else is a defect: a 500
 * with a generic detail and the request id, the stack trace only in the server log.
 */
public final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    public static final long DATABASE_RETRY_AFTER_SECONDS = 5;
    public static final String DATABASE_UNAVAILABLE_DETAIL = "the database is unavailable; retry later";

    private ProblemMapper() {
    }

    /** A problem and the {@code Retry-After} seconds to send with it, if any. */
    public record Answer(Problem problem, OptionalLong retryAfterSeconds) {
    }

    public static Answer map(Throwable failure, String requestId) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiProblem) {
            ApiProblem p = (ApiProblem) t;
            return new Answer(Problem.of(p.type(), p.getMessage()), p.retryAfterSeconds());
        }
        if (t instanceof InvalidValueException) {
            return answer(Problem.of(ProblemType.INVALID_PARAMETER, t.getMessage()));
        }
        if (t instanceof HttpResponseException) {
            return fromFramework(((HttpResponseException) t).getStatus(), t, requestId);
        }
        if (DatabaseFailures.isUnavailable(t)) {
            LOG.warn("request {}: database unavailable: {}", requestId, t.toString());
            return new Answer(Problem.of(ProblemType.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_DETAIL),
                    OptionalLong.of(DATABASE_RETRY_AFTER_SECONDS));
        }
        if (DatabaseFailures.isInaccessible(t)) {
            LOG.error("request {}: the read model is not readable by the database role: {}", requestId, t.toString());
            return new Answer(Problem.of(ProblemType.DATABASE_UNAVAILABLE, "the read model is not readable by the "
                    + "API's database role (permission denied or not visible); an operator must grant it "
                    + "(sql/create-readonly-role.sql); retry later"), OptionalLong.of(DATABASE_RETRY_AFTER_SECONDS));
        }
        return internal(t, requestId);
    }

    private static Answer fromFramework(int status, Throwable t, String requestId) {
        if (status == 404) {
            return answer(Problem.of(ProblemType.NOT_FOUND, "no resource at this path"));
        }
        if (status == 405) {
            return answer(Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this resource only answers GET"));
        }
        if (status == 414 || status == 431) { // a head over its limits (HeadLimits), the message says which
            return answer(Problem.forStatus(status, t.getMessage()));
        }
        if (status >= 400 && status < 500) {
            return answer(Problem.forStatus(status, "the request could not be handled"));
        }
        return internal(t, requestId);
    }

    private static Answer internal(Throwable t, String requestId) {
        LOG.error("request {}: unexpected failure", requestId, t);
        return answer(Problem.of(ProblemType.INTERNAL, "unexpected server error (request id " + requestId + ")"));
    }

    private static Answer answer(Problem problem) {
        return new Answer(problem, OptionalLong.empty());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
