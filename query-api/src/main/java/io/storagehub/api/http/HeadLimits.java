package io.storagehub.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * The limits on a request's head: a URI of at most {@link #MAX_URI_BYTES} ({@code 414} beyond), header lines of at
 * most {@link #MAX_HEADER_BYTES} in all ({@code 431} beyond). Jetty reads heads of up to {@link #READ_BYTES} whole and
 * these limits are checked here: a request over a limit is then answered with nothing of it left unread, so the
 * connection ends with the answer delivered. When Jetty itself refused a head at the limit, it closed the connection
 * with the rest of the request unread, and the kernel's reset could destroy the answer before the client read it.
 * Heads beyond {@link #READ_BYTES} are still refused by Jetty.
 */
final class HeadLimits {
    static final int MAX_URI_BYTES = 8 * 1024;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** Jetty's request header buffer: the request line and the header lines it reads before anything is decided. */
    static final int READ_BYTES = 64 * 1024;

    private HeadLimits() {
    }

    static void check(Context ctx) {
        HttpServletRequest request = ctx.req();
        String query = request.getQueryString();
        int uri = request.getRequestURI().length() + (query == null ? 0 : 1 + query.length());
        if (uri > MAX_URI_BYTES) {
            throw new HttpResponseException(414, "the URI is longer than " + MAX_URI_BYTES + " bytes");
        }
        int headers = 0;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                headers += name.length() + ": ".length() + values.nextElement().length() + "\r\n".length();
            }
        }
        if (headers > MAX_HEADER_BYTES) {
            throw new HttpResponseException(431, "the header lines are longer than " + MAX_HEADER_BYTES
                    + " bytes in all");
        }
    }
}
