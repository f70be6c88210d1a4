package io.storagehub.bench.query;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cursors of deep pages of a list (a bucket's files, a bucket's history), obtained the way a client gets them: by
 * walking the list through the API (in pages of 1000 up to near the target, then of the measured size).
 */
public final class DeepPages {
    private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

    private DeepPages() {
    }

    /**
     * The request paths of pages {@code lastPage - count + 1 .. lastPage} of {@code limit} items each (page 1 is
     * the first page) of the list at {@code base}, a path ending in {@code limit=}.
     */
    public static List<String> paths(ApiProcess api, String base, int limit, int lastPage, int count)
            throws IOException, InterruptedException {
        long firstWanted = (long) (lastPage - count) * limit; // files before the first wanted page
        long skipped = 0;
        String cursor = null;
        while (skipped + 1000 <= firstWanted) {
            cursor = next(api, base + 1000 + cursorParam(cursor));
            skipped += 1000;
        }
        while (skipped < firstWanted) {
            cursor = next(api, base + limit + cursorParam(cursor));
            skipped += limit;
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String path = base + limit + cursorParam(cursor);
            paths.add(path);
            cursor = next(api, path);
        }
        return paths;
    }

    private static String cursorParam(String cursor) {
        return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static String next(ApiProcess api, String path) throws IOException, InterruptedException {
        var response = api.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        Matcher m = NEXT.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("the listing ended before the wanted page: GET " + path);
        }
        return m.group(1);
    }
}
