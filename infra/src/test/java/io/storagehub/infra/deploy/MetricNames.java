package io.storagehub.infra.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus metric names the services document in their READMEs (backticked names), and the family of a
 * sample name (without the {@code _bucket}/{@code _count}/{@code _sum}/{@code _max}/{@code _total} suffix).
 * The dev-stack integration test checks the same dashboard against the live {@code /metrics} answers.
 */
final class MetricNames {
    static final List<Path> READMES =
            List.of(Path.of("..", "indexer", "README.md"), Path.of("..", "query-api", "README.md"));
    private static final Pattern NAME = Pattern.compile("`((?:storagehub|http_server)_[a-z0-9_]+)");
    private static final Pattern SUFFIX = Pattern.compile("_(bucket|count|sum|max|total|created)$");

    private MetricNames() {
    }

    static Set<String> documented() {
        Set<String> names = new TreeSet<>();
        for (Path readme : READMES) {
            Matcher m = NAME.matcher(DeployFiles.text(readme));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String family(String sampleName) {
        return SUFFIX.matcher(sampleName).replaceFirst("");
    }
}
