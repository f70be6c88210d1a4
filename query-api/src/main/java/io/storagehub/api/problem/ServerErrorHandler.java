package io.storagehub.api.problem;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for what never reaches the application: unparseable request lines, bad URI encodings,
 * too long URIs or headers, ambiguous paths. Answers a problem document like every other error, never an HTML
 * page and never a stack trace.
 */
public final class ServerErrorHandler extends ErrorHandler {
    private static final int MAX_REASON = 200;
    private static final Pattern SAFE_REASON = Pattern.compile("[A-Za-z0-9 .,:;'()/<>=_-]*");

    public ServerErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        byte[] body = ProblemJson.bytes(Problem.forStatus(code, safeReason(message)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Jetty's reason phrase when it is short plain text; never anything that could carry a trace or input. */
    static String safeReason(String reason) {
        if (reason == null || reason.length() > MAX_REASON || !SAFE_REASON.matcher(reason).matches()
                || reason.contains("Exception")) {
            return null;
        }
        return reason;
    }
}
