package io.storagehub.api.cursor;

import java.util.List;

/**
 * What makes a list the list it is: the route template and every value that selects its items (chain, path
 * parameters, filters), normalized. A cursor is only accepted by the list whose identity it was issued for.
 */
public record ListIdentity(String route, List<String> values) {
    public ListIdentity {
        values = List.copyOf(values);
    }

    public static ListIdentity of(String route, String... values) {
        return new ListIdentity(route, List.of(values));
    }
}
