package io.storagehub.api.problem;

import java.net.URI;

/** An RFC 9457 problem document, the body of every error answer. */
public record Problem(URI type, String title, int status, String detail) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail);
    }

    /** A problem for a status the API does not produce itself (e.g. a protocol error found by the server). */
    public static Problem forStatus(int status, String reason) {
        if (status == 404) {
            return of(ProblemType.NOT_FOUND, "no resource at this path");
        }
        // 501 and 505 come from Jetty's parser (a transfer coding or an HTTP version it does not implement): the
        // request is at fault, and the document must carry the answer's own status, not the internal error's 500
        if (status >= 500 && status != 501 && status != 505) {
            return of(ProblemType.INTERNAL, "the server could not answer this request");
        }
        return new Problem(ProblemType.MALFORMED_REQUEST.uri(), ProblemType.MALFORMED_REQUEST.title(), status,
                reason == null || reason.isBlank() ? "the request could not be parsed" : reason);
    }
}
