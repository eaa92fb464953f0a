package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisorTest {

  private final Supervisor supervisor =
      new Supervisor(Duration.ofSeconds(5), new Console(new PrintStream(new ByteArrayOutputStream())));

  @AfterEach
  void stopEverything() {
    supervisor.stopAll();
  }

  @Test
  void startsACrashedServiceAgainWithItsCommand() throws Exception {
    AtomicReference<Optional<Component>> restarted = new AtomicReference<>();
    supervisor.onUnexpectedExit((crashed, code) -> restarted.set(supervisor.restart(crashed)));
    Component stock = component("stock", sleeper());
    supervisor.add(stock, SupervisorTest::sleeper);

    stock.process().orElseThrow().destroyForcibly();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> restarted.get() != null);
    Component fresh = restarted.get().orElseThrow();
    assertThat(fresh.pid()).isNotEqualTo(stock.pid());
    assertThat(fresh.process().orElseThrow().isAlive()).isTrue();
    assertThat(supervisor.components()).containsExactly(fresh);
  }

  @Test
  void givesUpAfterTheRestartsAreUsedUp() throws Exception {
    Component order = component("order", sleeper());
    supervisor.add(order, SupervisorTest::sleeper);

    Component current = order;
    for (int i = 0; i < Supervisor.MAX_RESTARTS; i++) {
      current = supervisor.restart(current).orElseThrow();
    }

    assertThat(supervisor.restart(current)).isEmpty();
  }

  @Test
  void neverRestartsWhatHasNoRelaunchLikeTheBroker() throws Exception {
    Component kafka = component("kafka", sleeper());
    supervisor.add(kafka);

    assertThat(supervisor.restart(kafka)).isEmpty();
  }

  private static Component component(String name, Process process) {
    return new Component(name, ComponentKind.SERVICE, "http://127.0.0.1:1", Optional.of(process),
        Path.of("target", name + ".log"), 1);
  }

  private static Process sleeper() throws IOException {
    return new ProcessBuilder("sleep", "60").start();
  }
}
