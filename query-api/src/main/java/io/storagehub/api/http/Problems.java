package io.storagehub.api.http;

import io.javalin.http.Context;
import io.storagehub.api.problem.Problem;
import io.storagehub.api.problem.ProblemJson;
import io.storagehub.api.problem.ProblemMapper;
import io.storagehub.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the problem answer for a failed request; the mapping itself is {@link ProblemMapper}'s. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static void write(Exception failure, Context ctx) {
        ProblemMapper.Answer answer = ProblemMapper.map(failure, RequestIds.of(ctx));
        answer.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", Long.toString(seconds)));
        ctx.status(answer.problem().status())
                .contentType(Problem.CONTENT_TYPE)
                .result(ProblemJson.bytes(answer.problem()));
    }

    static void writeFatal(HttpServletResponse response, Error error) {
        LOG.error("request failed with an error", error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            response.setStatus(500);
            response.setContentType(Problem.CONTENT_TYPE);
            response.getOutputStream().write(ProblemJson.bytes(
                    Problem.of(ProblemType.INTERNAL, "unexpected server error")));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not write the error answer", e);
        }
    }
}
