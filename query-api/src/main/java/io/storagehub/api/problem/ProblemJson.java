package io.storagehub.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Serializes problem documents; shared by the request path and the server's own error handler. */
public final class ProblemJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemJson() {
    }

    public static byte[] bytes(Problem problem) {
        try {
            return MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }
}
