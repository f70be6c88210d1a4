package io.storagehub.api.problem;

import java.net.URI;

/** The kinds of problem the API answers with; each has a stable type URI documented in the OpenAPI document. */
public enum ProblemType {
    INVALID_PARAMETER(400, "Invalid request parameter", "invalid-parameter"),
    MALFORMED_REQUEST(400, "Malformed request", "malformed-request"),
    NOT_FOUND(404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
    INDEX_BEHIND(503, "Index has not reached the requested block", "index-behind"),
    DATABASE_UNAVAILABLE(503, "Database unavailable", "database-unavailable"),
    TOO_MANY_SUBSCRIBERS(503, "Too many event-stream subscribers", "too-many-subscribers"),
    NOT_READY(503, "Not ready", "not-ready"),
    INTERNAL(500, "Internal server error", "internal");

    private static final String BASE = "https://storagehub.io/problems/";

    private final int status;
    private final String title;
    private final URI uri;

    ProblemType(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.uri = URI.create(BASE + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return uri;
    }
}
