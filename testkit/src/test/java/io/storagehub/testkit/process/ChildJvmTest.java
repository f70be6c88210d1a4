package io.storagehub.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storagehub.testkit.wait.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private ChildJvmBuilder sleeper(String... args) {
        return ChildJvm.builder("sleeper", Sleeper.class.getName()).jvmArgs("-Xmx32m").args(args)
                .env(Map.of("CHILD_JVM_TEST", "set")).logFile(dir.resolve("sleeper.log"));
    }

    @Test
    void terminate_stopsTheChildWithSigterm_afterItRan() throws Exception {
        // given
        try (ChildJvm child = sleeper("a", "b").start()) {
            Wait.until(TIMEOUT, "the child printed its arguments",
                    () -> child.tail().contains("started a,b set"));
            // when
            int exit = child.terminate();
            // then
            assertThat(exit).isEqualTo(ChildJvm.EXIT_SIGTERM);
            assertThat(child.alive()).isFalse();
            assertThat(Files.readString(child.logFile())).contains("started a,b set");
        }
    }

    @Test
    void kill_stopsTheChildWithSigkill_andWatchedOutputIsComplete() {
        // given
        try (ChildJvm child = sleeper("x").watchOutput().start()) {
            Wait.until(TIMEOUT, "the child printed", () -> child.log().contains(0, "started x"));
            // when
            int exit = child.kill();
            // then
            assertThat(exit).isEqualTo(ChildJvm.EXIT_SIGKILL);
            assertThat(child.log().lines()).hasSize(1);
        }
    }

    @Test
    void awaitExit_returnsTheExitCode_andInheritedEnvCanBeDropped() {
        // given
        ChildJvmBuilder builder = sleeper("exit").withoutInheritedEnv("CHILD_JVM_TEST");
        // when
        try (ChildJvm child = builder.start()) {
            // then
            assertThat(child.awaitExit(TIMEOUT)).isEqualTo(3);
            assertThat(child.tail()).contains("started exit set null");
            assertThatThrownBy(child::checkAlive).hasMessageContaining("sleeper exited with 3");
        }
    }

    @Test
    void command_runsThisJvmsJavaOnItsClassPath() {
        assertThat(sleeper("a").command())
                .startsWith(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-cp")
                .endsWith(Sleeper.class.getName(), "a");
    }

    @Test
    void start_withoutLogFile_failsNamingIt() {
        assertThatThrownBy(() -> ChildJvm.builder("nolog", Sleeper.class.getName()).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("logFile");
    }
}
