package io.storagehub.infra.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The paths at which two JSON trees differ, with both values: readable failures for big answers. */
final class JsonDiff {
    private static final int MAX = 10;

    private JsonDiff() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        walk("$", expected, actual, found);
        return found;
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<String> found) {
        if (found.size() >= MAX || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path + "." + name, expected.path(name), actual.path(name), found);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                walk(path + "[" + i + "]", expected.get(i), actual.get(i), found);
            }
        } else {
            found.add(path + ": expected " + abbreviate(expected) + " but was " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "(missing)" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
