package io.eventshop.launcher.catalogue;

import io.eventshop.launcher.probe.ReadinessProbe;
import io.eventshop.launcher.process.StartCommand;
import java.util.List;

/**
 * One component of the catalogue: what {@code up} can start, where it listens, how it shows that
 * it is ready, and what must be ready before it starts.
 *
 * @param name            the name in tables, logs, {@code run.json} and the options
 * @param kind            what it is (also says how its address reads)
 * @param port            the default port of its first instance; instance i listens on port + i - 1
 * @param start           how an instance is started
 * @param readiness       how {@code up} and {@code status} tell that it is ready
 * @param needs           the components that must be ready before it starts
 * @param restartsOnCrash whether a crash is answered by starting it again (up to
 *                        {@link io.eventshop.launcher.run.Supervisor#MAX_RESTARTS} times): true
 *                        for a component whose state lives elsewhere or survives a crash
 *                        (PostgreSQL recovers it from its WAL), false for the broker, which is
 *                        where the services' state lives
 */
public record ComponentSpec(String name, ComponentKind kind, int port, StartCommand start,
                            ReadinessProbe readiness, List<String> needs,
                            boolean restartsOnCrash) {

  public ComponentSpec {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("a component name is lower case letters, digits and"
          + " '-': " + name);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + ": port " + port + " is not a TCP port");
    }
    needs = List.copyOf(needs);
  }

  /** The address of the instance listening on {@code instancePort}. */
  public String url(int instancePort) {
    return kind.url(instancePort);
  }
}
