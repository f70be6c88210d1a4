package io.storagehub.reliability.http;

import java.nio.charset.StandardCharsets;

/**
 * One hostile request: either a target a normal client can send ({@code uri}, sent with an HTTP client) or raw
 * bytes ({@code raw}, sent over a socket). {@code mustBe4xx}: every part is checked by the API and one is
 * invalid, so only a 4xx is right; otherwise (free-text parameters such as {@code prefix}) any answer below 500
 * is.
 */
record BadRequest(String kind, String uri, byte[] raw, boolean mustBe4xx) {

    static BadRequest uri(String kind, String uri, boolean mustBe4xx) {
        return new BadRequest(kind, uri, null, mustBe4xx);
    }

    static BadRequest raw(String kind, String request) {
        return new BadRequest(kind, null, request.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    static BadRequest rawBytes(String kind, byte[] request) {
        return new BadRequest(kind, null, request, true);
    }

    @Override
    public String toString() {
        String shown = uri != null ? uri : new String(raw, StandardCharsets.ISO_8859_1);
        return kind + ": " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown);
    }
}
