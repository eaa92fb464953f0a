package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.probe.TcpProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisorTest {

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final Supervisor supervisor = new Supervisor(Duration.ofSeconds(5),
      new Console(new PrintStream(console, true, StandardCharsets.UTF_8)));

  @AfterEach
  void stopEverything() {
    supervisor.stopAll();
  }

  @Test
  void startsACrashedServiceAgainWithItsCommand() throws Exception {
    AtomicReference<Optional<Component>> restarted = new AtomicReference<>();
    supervisor.onUnexpectedExit((crashed, code) -> restarted.set(supervisor.restart(crashed)));
    Component stock = component("stock", 1);
    supervisor.add(stock, SupervisorTest::sleeper);

    stock.process().orElseThrow().destroyForcibly();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> restarted.get() != null);
    Component fresh = restarted.get().orElseThrow();
    assertThat(fresh.pid()).isNotEqualTo(stock.pid());
    assertThat(fresh.process().orElseThrow().isAlive()).isTrue();
    assertThat(fresh.withProcess(stock.process().orElseThrow())).isEqualTo(stock);
    assertThat(supervisor.components()).containsExactly(fresh);
  }

  @Test
  void givesUpAfterTheRestartsAreUsedUp() throws Exception {
    Component order = component("order", 1);
    supervisor.add(order, SupervisorTest::sleeper);

    Component current = order;
    for (int i = 0; i < Supervisor.MAX_RESTARTS; i++) {
      current = supervisor.restart(current).orElseThrow();
    }

    assertThat(supervisor.restart(current)).isEmpty();
  }

  @Test
  void neverRestartsWhatHasNoRelaunchLikeTheBroker() throws Exception {
    Component kafka = component("kafka", 0);
    supervisor.add(kafka);

    assertThat(supervisor.restart(kafka)).isEmpty();
  }

  @Test
  void stopsTheLastWaveFirstAndAWaveOnlyOnceTheOneAfterItHasStopped() throws Exception {
    List<Component> components = List.of(component("kafka", 0), component("registry", 1),
        component("product", 2), component("order", 2));
    components.forEach(supervisor::add);

    supervisor.stopAll();

    List<String> lines = console.toString(StandardCharsets.UTF_8).lines()
        .map(line -> line.substring(line.indexOf(']') + 2)).toList();
    assertThat(lines).hasSize(8);
    assertThat(lines.subList(0, 4)).containsExactlyInAnyOrder(
        stopping(components.get(2)), "product stopped", stopping(components.get(3)),
        "order stopped");
    assertThat(lines.subList(4, 8)).containsExactly(stopping(components.get(1)),
        "registry stopped", stopping(components.get(0)), "kafka stopped");
    assertThat(components).noneMatch(c -> c.process().orElseThrow().isAlive());
  }

  private static String stopping(Component component) {
    return "stopping " + component.name() + " (pid " + component.pid().orElseThrow() + ")";
  }

  private static Component component(String name, int wave) throws IOException {
    return new Component(name, ComponentKind.SERVICE, "http://127.0.0.1:1", new TcpProbe(),
        Optional.of(sleeper()), Path.of("target", name + ".log"), wave);
  }

  private static Process sleeper() throws IOException {
    return new ProcessBuilder("sleep", "60").start();
  }
}
