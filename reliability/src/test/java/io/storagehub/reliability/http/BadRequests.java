package io.storagehub.reliability.http;

import io.storagehub.api.support.Malformed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates the hostile requests of the attack, seeded: well-formed requests with one malformed part (values from
 * the query API's own {@link Malformed} generator), every injection payload in every parameter, forged cursors,
 * and raw requests only a hand-made client sends ({@link RawRequests}).
 */
final class BadRequests {
    /** Route templates and the query parameters each accepts. */
    private static final Map<String, List<String>> ROUTES = Map.ofEntries(
            Map.entry("/msps", List.of("limit", "cursor")), Map.entry("/msps/{mspId}", List.of()),
            Map.entry("/msps/{mspId}/buckets", List.of("limit", "cursor")), Map.entry("/bsps", List.of("limit", "cursor")),
            Map.entry("/bsps/{bspId}", List.of()), Map.entry("/bsps/{bspId}/files", List.of("limit", "cursor")),
            Map.entry("/buckets/{bucketId}", List.of()),
            Map.entry("/buckets/{bucketId}/files", List.of("limit", "cursor", "prefix", "underReplicated")),
            Map.entry("/buckets/{bucketId}/tree", List.of("limit", "cursor", "path")),
            Map.entry("/files/{fileKey}", List.of()),
            Map.entry("/accounts/{account}/buckets", List.of("limit", "cursor")),
            Map.entry("/accounts/{account}/files", List.of("limit", "cursor")),
            Map.entry("/accounts/{account}/payment-streams", List.of("limit", "cursor")),
            Map.entry("/providers/{providerId}/payment-streams", List.of("limit", "cursor")));
    private static final List<String> PATH_PARAMS = List.of("chain", "mspId", "bspId", "bucketId", "fileKey",
            "account", "providerId");
    /** Free text: any UTF-8 up to 512 bytes without NUL is valid, so an injection there may well be answered 200. */
    private static final List<String> FREE_TEXT = List.of("prefix", "path");

    private final Malformed m;
    private final KnownIds ids;
    private final List<String> routes;

    BadRequests(long seed, KnownIds ids) {
        this.m = new Malformed(seed);
        this.ids = ids;
        this.routes = ROUTES.keySet().stream().sorted().toList();
    }

    /** {@code count} well-formed requests, each with exactly one malformed part. */
    List<BadRequest> oneBadPart(int count) {
        List<BadRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String route = m.pick(routes);
            List<String> parts = new ArrayList<>(List.of("chain", "minBlock", "waitMs"));
            parts.addAll(ROUTES.get(route));
            PATH_PARAMS.stream().filter(p -> route.contains("{" + p + "}")).forEach(parts::add);
            String bad = m.pick(parts);
            String value;
            switch (bad) {
                case "chain": value = m.chain(); break;
                case "limit": value = m.limit(); break;
                case "cursor": value = m.cursor(); break;
                case "minBlock": value = m.minBlock(); break;
                case "waitMs": value = m.waitMs(); break;
                case "prefix":
                case "path": value = m.longOrNulText(); break;
                case "underReplicated": value = m.pick(List.of("yes", "1", "TRUE", "", "t", "on")); break;
                default: value = m.id();
            }
            requests.add(BadRequest.uri("one bad " + bad, target(route, bad, value), true));
        }
        return requests;
    }

    /** Every injection payload in every parameter of a route that has it. */
    List<BadRequest> injections() {
        List<BadRequest> requests = new ArrayList<>();
        List<String> parameters = new ArrayList<>(PATH_PARAMS);
        parameters.addAll(List.of("limit", "cursor", "prefix", "path", "underReplicated", "minBlock", "waitMs"));
        for (String parameter : parameters) {
            boolean everywhere = List.of("chain", "minBlock", "waitMs").contains(parameter);
            String route = routes.stream().filter(r -> everywhere || r.contains("{" + parameter + "}")
                    || ROUTES.get(r).contains(parameter)).findFirst().orElseThrow();
            for (String payload : Injections.ALL) {
                requests.add(BadRequest.uri("injection in " + parameter, target(route, parameter, payload),
                        !FREE_TEXT.contains(parameter)));
            }
        }
        return requests;
    }

    /** A route with every part valid except {@code bad}, which is {@code value}; percent-encoded throughout. */
    private String target(String route, String bad, String value) {
        String path = route.replace("{mspId}", part(bad, "mspId", value, ids.msp()))
                .replace("{bspId}", part(bad, "bspId", value, ids.bsp()))
                .replace("{bucketId}", part(bad, "bucketId", value, ids.bucket()))
                .replace("{fileKey}", part(bad, "fileKey", value, ids.file()))
                .replace("{account}", part(bad, "account", value, ids.account()))
                .replace("{providerId}", part(bad, "providerId", value, ids.msp()));
        StringBuilder query = new StringBuilder();
        if (bad.equals("minBlock")) {
            query.append("minBlock=").append(Malformed.encodeAll(value)).append("&waitMs=10");
        } else if (bad.equals("waitMs")) {
            query.append("minBlock=1&waitMs=").append(Malformed.encodeAll(value));
        } else if (!PATH_PARAMS.contains(bad)) {
            query.append(bad).append('=').append(Malformed.encodeAll(value));
        }
        return "/v1/chains/" + part(bad, "chain", value, ids.chain()) + path + (query.length() > 0 ? "?" + query : "");
    }

    private static String part(String bad, String name, String value, String good) {
        return Malformed.encodeAll(bad.equals(name) ? value : good);
    }

    Malformed malformed() {
        return m;
    }
}
