package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogEchoTest {

  @TempDir
  Path dir;

  @Test
  void recognisesTheLevelsOfSpringBootAndKafkaLines() {
    assertThat(LogEcho.isWarningOrError("2026-11-25T20:51:54.268Z  WARN 22562 --- [main] o.s.c :"
        + " something")).isTrue();
    assertThat(LogEcho.isWarningOrError("20:51:06.828 ERROR [QuorumController] broken")).isTrue();
    assertThat(LogEcho.isWarningOrError("2026-11-25T20:51:54.268Z  INFO 22562 --- [main] o.s.c :"
        + " order 42 rejected with reason ERROR")).isFalse();
    assertThat(LogEcho.isWarningOrError("\tat org.example.Foo.bar(Foo.java:12)")).isFalse();
  }

  @Test
  void echoesOnlyNewWarningsAndErrorsWithTheComponentInFront() throws Exception {
    Path log = dir.resolve("product.log");
    Files.writeString(log, "20:00:00.000 ERROR [Old] from an earlier run\n");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (LogEcho echo = new LogEcho(new Console(new PrintStream(console, true,
        StandardCharsets.UTF_8)))) {
      echo.follow("product", log);
      Files.writeString(log, """
          20:00:01.000 INFO  [App] started
          20:00:02.000 WARN  [App] disk almost full
          20:00:03.000 ERROR [App] cannot reach""", StandardOpenOption.APPEND);

      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(console.toString(StandardCharsets.UTF_8))
              .contains("product         | 20:00:02.000 WARN  [App] disk almost full"));
      Files.writeString(log, " the broker\n", StandardOpenOption.APPEND);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(console.toString(StandardCharsets.UTF_8))
              .contains("product         | 20:00:03.000 ERROR [App] cannot reach the broker"));
    }
    assertThat(console.toString(StandardCharsets.UTF_8))
        .doesNotContain("started")
        .doesNotContain("earlier run");
  }
}
