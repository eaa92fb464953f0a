package io.eventshop.launcher.catalogue;

import io.eventshop.launcher.probe.TcpProbe;
import io.eventshop.launcher.process.JavaMain;
import java.nio.file.Path;
import java.util.List;

/** Components of made-up catalogues, for tests of the plan and the catalogue's checks. */
public final class TestComponents {

  private static final JavaMain NOTHING = new JavaMain(List.of(Path.of("none.jar")), "none.Main",
      "16m", context -> List.of());

  private TestComponents() {
  }

  /** A component on {@code port} that needs {@code needs}; it cannot really start. */
  public static ComponentSpec component(String name, int port, String... needs) {
    return new ComponentSpec(name, ComponentKind.SERVICE, port, NOTHING, new TcpProbe(),
        List.of(needs), true);
  }
}
