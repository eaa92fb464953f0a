package io.eventshop.launcher.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Ready when the component's port accepts a TCP connection: for a component that speaks no HTTP
 * and has no cheaper question to answer.
 */
public record TcpProbe() implements ReadinessProbe {

  private static final int CONNECT_TIMEOUT_MS = 2_000;

  @Override
  public boolean isReady(String url, Optional<Path> kafkaProperties) {
    InetSocketAddress address = address(url);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()),
          CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String question(String url) {
    InetSocketAddress address = address(url);
    return "connect to " + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public String outcome() {
    return "ready";
  }

  /**
   * The first host and port of an address in any of the forms the kinds write: {@code host:port}
   * (a bootstrap list), {@code http://host:port}, {@code jdbc:postgresql://host:port/db}. Left
   * unresolved: a message needs no name lookup.
   */
  static InetSocketAddress address(String url) {
    String withoutJdbc = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    String first = withoutJdbc.split(",")[0].trim();
    URI uri = URI.create(first.contains("://") ? first : "tcp://" + first);
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("no host and port in " + url);
    }
    return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
  }
}
