package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.Main;
import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.catalogue.ComponentSpec;
import io.eventshop.launcher.probe.HttpProbe;
import io.eventshop.launcher.probe.ReadinessProbe;
import io.eventshop.launcher.probe.TcpProbe;
import io.eventshop.launcher.process.JavaMain;
import io.eventshop.launcher.process.JvmTuning;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launch of components that are not Spring services (child JVMs of {@link StubComponent}),
 * with no broker: each started once what it needs is ready, each waited on with its own probe,
 * listed by {@code status}, stopped last wave first.
 */
class LaunchTest {

  @TempDir
  Path home;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final Console console = new Console(new PrintStream(output, true,
      StandardCharsets.UTF_8));
  private final Supervisor supervisor = new Supervisor(Duration.ofSeconds(5), console);
  private final LogEcho logEcho = new LogEcho(console);

  @AfterEach
  void stopEverything() {
    supervisor.stopAll();
    logEcho.close();
  }

  @Test
  void startsAComponentOnlyOnceWhatItNeedsIsReadyAndStopsItFirst() throws Exception {
    // the ledger takes 1.5 s to listen: a clerk started with it would exit at once
    ComponentCatalogue catalogue = new ComponentCatalogue(List.of(
        stub("clerk", "http", new HttpProbe("/"), 0, "ledger", "archive"),
        stub("ledger", "http", new HttpProbe("/"), 1500),
        stub("archive", "tcp", new TcpProbe(), 0)), Map.of());
    Map<String, Integer> ports = Map.of("clerk", KafkaBroker.freePort(),
        "ledger", KafkaBroker.freePort(), "archive", KafkaBroker.freePort());
    LaunchPlan plan = LaunchPlan.of(catalogue, catalogue.all(),
        new LaunchPlan.BrokerPorts(ComponentCatalogue.KAFKA_PORT,
            ComponentCatalogue.KAFKA_CONTROLLER_PORT), Map.of(), ports);
    Path dataDir = home.resolve("data");
    LaunchSettings settings = new LaunchSettings(home, dataDir, Optional.empty(),
        Optional.empty(), plan, Duration.ofSeconds(60), "256m", JvmTuning.QUICK_START);

    RunFile.Run run = new Launch(settings, console, supervisor, logEcho).start();

    List<String> lines = steps();
    assertThat(lines.indexOf("starting clerk on http://127.0.0.1:" + ports.get("clerk")))
        .isGreaterThan(lines.indexOf("ledger healthy at http://127.0.0.1:" + ports.get("ledger")))
        .isGreaterThan(lines.indexOf("archive ready at http://127.0.0.1:" + ports.get("archive")))
        .isLessThan(lines.indexOf("clerk healthy at http://127.0.0.1:" + ports.get("clerk")));
    assertThat(run.components()).extracting(RunFile.Entry::name)
        .containsExactly("ledger", "archive", "clerk");
    assertThat(run.components()).extracting(RunFile.Entry::readiness)
        .containsExactly(new HttpProbe("/"), new TcpProbe(), new HttpProbe("/"));
    assertThat(supervisor.components()).extracting(Component::wave).containsExactly(0, 0, 1);

    JsonNode status = status(dataDir, 0);
    assertThat(status.findValuesAsText("name")).containsExactly("ledger", "archive", "clerk");
    assertThat(status.findValues("healthy")).allMatch(JsonNode::asBoolean);

    Process archive = supervisor.components().get(1).process().orElseThrow();
    archive.destroyForcibly();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !archive.isAlive());
    assertThat(status(dataDir, 1).findValues("healthy")).extracting(JsonNode::asBoolean)
        .containsExactly(true, false, true);

    output.reset();
    supervisor.stopAll();
    List<String> stopping = steps().stream().filter(line -> line.startsWith("stopping")).toList();
    assertThat(stopping).hasSize(2);
    assertThat(stopping.get(0)).startsWith("stopping clerk");
    assertThat(stopping.get(1)).startsWith("stopping ledger");
  }

  @Test
  void aSlowComponentDelaysOnlyWhatNeedsIt() throws Exception {
    // porter needs the archive only: it must not wait for the ledger, of the same wave
    ComponentCatalogue catalogue = new ComponentCatalogue(List.of(
        stub("ledger", "http", new HttpProbe("/"), 4000),
        stub("archive", "tcp", new TcpProbe(), 0),
        stub("porter", "tcp", new TcpProbe(), 0, "archive"),
        stub("clerk", "tcp", new TcpProbe(), 0, "ledger")), Map.of());
    Map<String, Integer> ports = Map.of("ledger", KafkaBroker.freePort(),
        "archive", KafkaBroker.freePort(), "porter", KafkaBroker.freePort(),
        "clerk", KafkaBroker.freePort());
    LaunchPlan plan = LaunchPlan.of(catalogue, catalogue.all(),
        new LaunchPlan.BrokerPorts(ComponentCatalogue.KAFKA_PORT,
            ComponentCatalogue.KAFKA_CONTROLLER_PORT), Map.of(), ports);
    LaunchSettings settings = new LaunchSettings(home, home.resolve("data"), Optional.empty(),
        Optional.empty(), plan, Duration.ofSeconds(60), "256m", JvmTuning.QUICK_START);

    new Launch(settings, console, supervisor, logEcho).start();

    List<String> lines = steps();
    int ledgerHealthy = lines.indexOf("ledger healthy at http://127.0.0.1:" + ports.get("ledger"));
    assertThat(lines.indexOf("porter ready at http://127.0.0.1:" + ports.get("porter")))
        .isNotNegative().isLessThan(ledgerHealthy);
    assertThat(lines.indexOf("starting clerk on http://127.0.0.1:" + ports.get("clerk")))
        .isGreaterThan(ledgerHealthy);
    assertThat(supervisor.components()).extracting(Component::name, Component::wave)
        .contains(tuple("porter", 1),
            tuple("clerk", 1));
  }

  private ComponentSpec stub(String name, String protocol, ReadinessProbe readiness,
                             int readyAfterMs, String... needs) throws Exception {
    Path classes = Path.of(StubComponent.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    JavaMain start = new JavaMain(List.of(classes), StubComponent.class.getName(), "32m",
        context -> {
          List<String> arguments = new ArrayList<>(List.of(protocol,
              String.valueOf(context.instance().port()), String.valueOf(readyAfterMs)));
          context.plan().instances().stream()
              .filter(i -> List.of(needs).contains(i.spec().name()))
              .forEach(i -> arguments.add(String.valueOf(i.port())));
          return arguments;
        });
    return new ComponentSpec(name, ComponentKind.SERVICE, 1, start, readiness, List.of(needs),
        true);
  }

  /** The progress lines without their time stamps. */
  private List<String> steps() {
    return output.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.startsWith("["))
        .map(line -> line.substring(line.indexOf(']') + 2))
        .toList();
  }

  private JsonNode status(Path dataDir, int expectedExit) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.run("status", "--home", home.toString(), "--data-dir", dataDir.toString(),
          "--json");
    } finally {
      System.setOut(original);
    }
    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
    return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("components");
  }
}
