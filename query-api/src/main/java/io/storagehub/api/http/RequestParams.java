package io.storagehub.api.http;

import io.javalin.http.Context;
import io.storagehub.api.problem.ApiProblem;
import io.storagehub.schema.event.Envelope;
import io.storagehub.schema.event.Position;
import io.storagehub.schema.readmodel.HistoryOrder;
import io.storagehub.schema.readmodel.PageRequest;
import io.storagehub.schema.value.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parameters of one request, parsed and validated. Every malformed value is a 400 whose detail names the
 * parameter and the accepted form. Unknown query parameters are ignored.
 */
public final class RequestParams {
    public static final int MAX_PATH_BYTES = 512;
    public static final long MAX_BLOCK = 0xFFFF_FFFFL;
    public static final String LAST_EVENT_ID = "Last-Event-ID";
    public static final String EVENT_STREAM = "text/event-stream";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");

    private final Context ctx;
    private final QueryString query;

    private RequestParams(Context ctx, QueryString query) {
        this.ctx = ctx;
        this.query = query;
    }

    static RequestParams of(Context ctx) {
        return new RequestParams(ctx, QueryString.parse(ctx.queryString()));
    }

    /** The {@code {chain}} path parameter: 1..64 characters of {@code [a-z0-9-]}. */
    public String chain() {
        String chain = path("chain");
        if (!Envelope.isValidChain(chain)) {
            throw ApiProblem.badRequest("chain must be 1..64 characters of [a-z0-9-]");
        }
        return chain;
    }

    /** A path parameter parsed by a value type's factory (ids accept any case and are normalized). */
    public <T> T id(String name, Function<String, T> parser) {
        String raw = path(name);
        try {
            return parser.apply(raw);
        } catch (InvalidValueException e) {
            throw ApiProblem.badRequest(name + ": " + e.getMessage());
        }
    }

    public int limit() {
        Optional<String> raw = query.first("limit");
        if (raw.isEmpty()) {
            return PageRequest.DEFAULT_LIMIT;
        }
        long limit = digits(raw.get(), "limit");
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw ApiProblem.badRequest("limit must be an integer in 1.." + PageRequest.MAX_LIMIT);
        }
        return (int) limit;
    }

    public Optional<String> cursor() {
        return query.first("cursor");
    }

    /** The {@code prefix} of a file listing: empty (all files) or a location prefix of at most 512 bytes. */
    public String prefix() {
        return text("prefix");
    }

    /** The folder of a tree listing: "" (the root) or a path ending in "/", at most 512 bytes. */
    public String treePath() {
        String path = text("path");
        if (!path.isEmpty() && !path.endsWith("/")) {
            throw ApiProblem.badRequest("path must be empty (the bucket's root) or a folder path ending in '/'");
        }
        return path;
    }

    public boolean underReplicated() {
        String raw = query.first("underReplicated").orElse("false");
        if (raw.equals("true")) {
            return true;
        }
        if (raw.equals("false")) {
            return false;
        }
        throw ApiProblem.badRequest("underReplicated must be true or false");
    }

    /** {@code minBlock}: a u32 block number, if given. */
    public OptionalLong minBlock() {
        Optional<String> raw = query.first("minBlock");
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        long block = digits(raw.get(), "minBlock");
        if (block > MAX_BLOCK) {
            throw ApiProblem.badRequest("minBlock must be an integer in 0.." + MAX_BLOCK);
        }
        return OptionalLong.of(block);
    }

    /** {@code waitMs}: 0..{@code maxWaitMs}, default 0. */
    public long waitMs(long maxWaitMs) {
        Optional<String> raw = query.first("waitMs");
        if (raw.isEmpty()) {
            return 0;
        }
        long wait = digits(raw.get(), "waitMs");
        if (wait > maxWaitMs) {
            throw ApiProblem.badRequest("waitMs must be an integer in 0.." + maxWaitMs);
        }
        return wait;
    }

    /** A query parameter that holds an id (a filter), parsed like a path id; empty when absent. */
    public <T> Optional<T> idParam(String name, Function<String, T> parser) {
        Optional<String> raw = query.first(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (InvalidValueException e) {
            throw ApiProblem.badRequest(name + ": " + e.getMessage());
        }
    }

    /** {@code order} of a history page: {@code desc} (the default, newest first) or {@code asc}. */
    public HistoryOrder order() {
        String raw = query.first("order").orElse("desc");
        if (raw.equals("desc")) {
            return HistoryOrder.DESC;
        }
        if (raw.equals("asc")) {
            return HistoryOrder.ASC;
        }
        throw ApiProblem.badRequest("order must be desc or asc");
    }

    /** A position parameter, {@code {block}:{index}} (two u32), if given. */
    public Optional<Position> position(String name) {
        return query.first(name).map(raw -> parsePosition(raw, name));
    }

    /** The {@code Last-Event-ID} header of a reconnecting event stream client, {@code {block}:{index}}, if sent. */
    public Optional<Position> lastEventId() {
        return Optional.ofNullable(ctx.header(LAST_EVENT_ID)).map(raw -> parsePosition(raw.trim(), LAST_EVENT_ID));
    }

    /** Whether the client asks for a server-sent event stream ({@code Accept: text/event-stream}). */
    public boolean wantsEventStream() {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(EVENT_STREAM);
    }

    private static Position parsePosition(String raw, String name) {
        int colon = raw.indexOf(':');
        String problem = name + " must be {block}:{index}, two integers in 0.." + MAX_BLOCK;
        if (colon < 0 || !DIGITS.matcher(raw.substring(0, colon)).matches()
                || !DIGITS.matcher(raw.substring(colon + 1)).matches()) {
            throw ApiProblem.badRequest(problem);
        }
        long block = Long.parseLong(raw.substring(0, colon));
        long index = Long.parseLong(raw.substring(colon + 1));
        if (block > MAX_BLOCK || index > MAX_BLOCK) {
            throw ApiProblem.badRequest(problem);
        }
        return new Position(block, index);
    }

    private String text(String name) {
        String value = query.first(name).orElse("");
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw ApiProblem.badRequest(name + " must be at most " + MAX_PATH_BYTES + " UTF-8 bytes");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiProblem.badRequest(name + " must not contain NUL characters");
        }
        return value;
    }

    private String path(String name) {
        try {
            return ctx.pathParam(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name + " is not a valid path segment");
        }
    }

    private static long digits(String raw, String name) {
        if (!DIGITS.matcher(raw).matches()) {
            throw ApiProblem.badRequest(name + " must be a non-negative decimal integer");
        }
        return Long.parseLong(raw);
    }
}
