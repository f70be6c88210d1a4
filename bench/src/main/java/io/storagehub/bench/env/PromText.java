package io.storagehub.bench.env;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Prometheus text exposition: the sum of a metric's samples over all its label sets. */
public final class PromText {
    private PromText() {
    }

    public static double sum(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            if (!m.group(2).equals("NaN")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
