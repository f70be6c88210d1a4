package io.storagehub.infra.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The facts of one of our Dockerfiles the tests check: stages, the Maven module built, main class, ports. */
record Dockerfile(List<String> stages, String builtModule, String mainClass, List<Integer> exposedPorts,
                  List<String> copiedPaths) {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern MODULE = Pattern.compile("\\s-pl\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+\\[(.*)]");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?!--from)(\\S+)\\s+\\S+");

    static Dockerfile parse(Path file) {
        String text = DeployFiles.text(file);
        List<String> stages = all(FROM, text);
        Matcher module = MODULE.matcher(text);
        if (!module.find()) {
            throw new IllegalStateException(file + " builds no module (mvn -pl)");
        }
        Matcher entry = ENTRYPOINT.matcher(text);
        if (!entry.find()) {
            throw new IllegalStateException(file + " has no exec-form ENTRYPOINT");
        }
        List<String> args = new ArrayList<>();
        for (String arg : entry.group(1).split(",")) {
            args.add(arg.trim().replace("\"", ""));
        }
        String mainClass = args.get(args.size() - 1);
        List<Integer> ports = all(EXPOSE, text).stream().map(Integer::parseInt).toList();
        List<String> copied = all(COPY, text).stream().filter(p -> !p.equals("./")).toList();
        return new Dockerfile(stages, module.group(1), mainClass, ports, copied);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
