package io.storagehub.reliability.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storagehub.api.support.Malformed;
import io.storagehub.reliability.support.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Cursors an attacker makes from real ones: one character changed, cut short, extended, re-encoded in the
 * other base64 alphabet, decoded and re-signed with nothing, or replayed on another list, chain or bucket. The API
 * signs cursors with an HMAC over the list's identity, so every one of them must be a 4xx.
 */
final class ForgedCursors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private ForgedCursors() {
    }

    static List<BadRequest> of(HttpProbe http, KnownIds ids, long seed, int count) {
        String base = "/v1/chains/" + ids.chain();
        String bsps = base + "/bsps";
        String cursor = nextCursor(http, bsps + "?limit=1");
        String files = base + "/buckets/" + ids.bucket() + "/files";
        Random random = new Random(seed);
        List<BadRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(cursor.length());
            char changed = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            if (changed == cursor.charAt(at)) {
                changed = changed == 'A' ? 'B' : 'A';
            }
            String forged = cursor.substring(0, at) + changed + cursor.substring(at + 1);
            requests.add(BadRequest.uri("cursor with one character changed", bsps + "?cursor=" + forged, true));
        }
        for (int cut = 1; cut <= Math.min(10, cursor.length() - 1); cut++) {
            requests.add(BadRequest.uri("cursor cut short", bsps + "?cursor=" + cursor.substring(cut), true));
            requests.add(BadRequest.uri("cursor cut short", bsps + "?cursor="
                    + cursor.substring(0, cursor.length() - cut), true));
        }
        byte[] decoded = Base64.getUrlDecoder().decode(cursor);
        String standard = Base64.getEncoder().withoutPadding().encodeToString(decoded);
        requests.add(BadRequest.uri("cursor extended", bsps + "?cursor=" + cursor + "AAAA", true));
        if (standard.contains("+") || standard.contains("/")) {
            requests.add(BadRequest.uri("cursor in the standard base64 alphabet", bsps + "?cursor="
                    + Malformed.encodeAll(standard), true));
        }
        requests.add(BadRequest.uri("cursor without its signature", bsps + "?cursor=" + Base64.getUrlEncoder()
                .withoutPadding().encodeToString(java.util.Arrays.copyOf(decoded, Math.max(1, decoded.length - 16))),
                true));
        requests.add(BadRequest.uri("cursor of another list", base + "/msps?cursor=" + cursor, true));
        requests.add(BadRequest.uri("cursor of another chain", "/v1/chains/other-chain/bsps?cursor=" + cursor, true));
        String filesCursor = nextCursor(http, files + "?limit=1");
        requests.add(BadRequest.uri("cursor of a bucket's files on another list", bsps + "?cursor=" + filesCursor,
                true));
        requests.add(BadRequest.uri("cursor with another prefix", files + "?prefix=a&cursor=" + filesCursor, true));
        requests.add(BadRequest.uri("cursor of another bucket", base + "/buckets/0x" + "b".repeat(64)
                + "/files?cursor=" + filesCursor, true));
        return requests;
    }

    private static String nextCursor(HttpProbe http, String path) {
        HttpProbe.Answer page = http.get(path);
        try {
            String cursor = JSON.readTree(page.body()).path("nextCursor").asText(null);
            if (page.status() != 200 || cursor == null) {
                throw new IllegalStateException("no next page at " + path + ": " + page);
            }
            return cursor;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
