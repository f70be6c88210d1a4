package io.storagehub.infra.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of one of our Dockerfiles the tests check: stages, the Maven module built and the build command, the
 * entry point and the main class it runs (for {@code java -jar}, the Main-Class of the module's pom), ports, the
 * runtime user, environment and health check.
 */
record Dockerfile(List<String> stages, String builtModule, String buildCommand, List<String> entrypoint,
                  String mainClass, List<Integer> exposedPorts, List<String> copiedPaths, Optional<String> user,
                  Map<String, String> env, Optional<String> healthcheck) {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern MODULE = Pattern.compile("\\s-pl\\s+(\\S+)");
    private static final Pattern MVN = Pattern.compile("(?s)\\bmvn\\s(.*?)(?:&&|$)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+\\[(.*)]");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?!--from)(\\S+)\\s+\\S+");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+(\\w+)=(\\S+)");
    private static final Pattern HEALTHCHECK = Pattern.compile("(?m)^HEALTHCHECK\\s+((?:.*\\\\\\n)*.*)");
    private static final Pattern POM_MAIN_CLASS = Pattern.compile("<mainClass>([\\w.]+)</mainClass>");

    static Dockerfile parse(Path file) {
        String text = DeployFiles.text(file);
        Matcher module = MODULE.matcher(text);
        Matcher mvn = MVN.matcher(text);
        if (!module.find() || !mvn.find()) {
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
        String mainClass = args.contains("-jar") ? pomMainClass(module.group(1)) : args.get(args.size() - 1);
        Map<String, String> env = new LinkedHashMap<>();
        Matcher e = ENV.matcher(text);
        while (e.find()) {
            env.put(e.group(1), e.group(2));
        }
        List<Integer> ports = all(EXPOSE, text).stream().map(Integer::parseInt).toList();
        List<String> copied = all(COPY, text).stream().filter(p -> !p.equals("./")).toList();
        List<String> users = all(USER, text);
        List<String> healthchecks = all(HEALTHCHECK, text);
        return new Dockerfile(all(FROM, text), module.group(1), mvn.group(1), args, mainClass, ports, copied,
                users.isEmpty() ? Optional.empty() : Optional.of(users.get(users.size() - 1)), env,
                healthchecks.isEmpty() ? Optional.empty() : Optional.of(healthchecks.get(0)));
    }

    /** The Main-Class the module's jar declares (maven-jar-plugin's manifest). */
    static String pomMainClass(String module) {
        Matcher m = POM_MAIN_CLASS.matcher(DeployFiles.text(Path.of("..", module, "pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException(module + "/pom.xml declares no mainClass for java -jar");
        }
        return m.group(1);
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
