package io.eventshop.launcher.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before anything starts, that every port of a plan is free and used once, so that a
 * taken port is a one-line message instead of a child that dies half-way through the start.
 */
public final class PortCheck {

  private PortCheck() {
  }

  /** The problem with the first port that cannot be used, or empty when all are free. */
  public static Optional<String> firstProblem(List<PortUse> ports) {
    Map<Integer, PortUse> seen = new HashMap<>();
    for (PortUse use : ports) {
      if (use.port() < 1 || use.port() > 65535) {
        return Optional.of("port " + use.port() + " for " + use.component()
            + " is not a TCP port; choose one from 1 to 65535 with " + use.howToChange());
      }
      PortUse other = seen.putIfAbsent(use.port(), use);
      if (other != null) {
        return Optional.of("port " + use.port() + " is planned for both " + other.component()
            + " and " + use.component() + "; change one with " + use.howToChange());
      }
    }
    return ports.stream()
        .filter(use -> !isFree(use.port()))
        .findFirst()
        .map(use -> "port " + use.port() + " for " + use.component() + " is already in use;"
            + " stop what uses it or choose another port with " + use.howToChange());
  }

  /**
   * Whether a server could listen on {@code port} on every interface (the services do; the broker
   * listens on 127.0.0.1, which a wildcard bind also collides with).
   */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
