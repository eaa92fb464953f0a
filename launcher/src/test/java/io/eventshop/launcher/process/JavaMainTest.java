package io.eventshop.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.catalogue.ComponentSpec;
import io.eventshop.launcher.probe.HttpProbe;
import io.eventshop.launcher.run.LaunchPlan;
import io.eventshop.launcher.run.LaunchSettings;
import io.eventshop.launcher.run.StartContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaMainTest {

  @TempDir
  Path home;

  private final JavaMain worker = new JavaMain(
      List.of(Path.of("connect/target/connect.jar"), Path.of("/opt/plugins")),
      "org.example.Worker", "384m",
      context -> List.of("--rest.port=" + context.instance().port(),
          "--bootstrap=" + context.kafka().orElseThrow().bootstrapServers()));

  @Test
  void runsTheMainClassWithTheArgumentsTheEntryMakesFromTheRun() {
    ComponentSpec connect = new ComponentSpec("connect", ComponentKind.SERVICE, 8083, worker,
        new HttpProbe("/"), List.of("kafka"), true);
    ComponentCatalogue catalogue = new ComponentCatalogue(List.of(
        ComponentCatalogue.EVENTSHOP.byName("kafka").orElseThrow(), connect), Map.of());
    LaunchPlan plan = LaunchPlan.of(catalogue, catalogue.all(),
        new LaunchPlan.BrokerPorts(19092, 19093), Map.of(), Map.of("connect", 18083));
    LaunchSettings settings = new LaunchSettings(home, home.resolve("data"), Optional.empty(),
        Optional.empty(), plan, Duration.ofSeconds(1), "1g", JvmTuning.QUICK_START);

    List<String> command = worker.command(new StartContext(plan.instances().get(1), settings));

    assertThat(command).containsSubsequence("-Xmx384m", "-cp",
        home.resolve("connect/target/connect.jar") + File.pathSeparator + "/opt/plugins",
        "org.example.Worker", "--rest.port=18083", "--bootstrap=127.0.0.1:19092");
    assertThat(command).anyMatch(arg -> arg.endsWith("/bin/java"));
  }

  @Test
  void isBuiltWhenEveryEntryOfItsClasspathExists() throws Exception {
    JavaMain local = new JavaMain(List.of(Path.of("a.jar"), Path.of("classes")), "Main", "64m",
        context -> List.of());
    Files.createFile(home.resolve("a.jar"));
    assertThat(local.isBuilt(home)).isFalse();

    Files.createDirectory(home.resolve("classes"));
    assertThat(local.isBuilt(home)).isTrue();
  }
}
