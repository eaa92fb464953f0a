package io.eventshop.launcher.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.launcher.catalogue.ComponentKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TcpProbeTest {

  private final TcpProbe probe = new TcpProbe();

  @Test
  void isReadyWhileThePortAcceptsConnections() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = server.getLocalPort();
      for (ComponentKind kind : ComponentKind.values()) {
        assertThat(probe.isReady(kind.url(port), Optional.empty())).as(kind.url(port)).isTrue();
      }
    }
    assertThat(probe.isReady(ComponentKind.SERVICE.url(port), Optional.empty())).isFalse();
  }

  @Test
  void readsTheFirstHostAndPortOfEveryFormOfAddress() {
    assertThat(probe.question("broker-1:9092,broker-2:9092")).isEqualTo("connect to broker-1:9092");
    assertThat(probe.question("http://127.0.0.1:8110")).isEqualTo("connect to 127.0.0.1:8110");
    assertThat(probe.question("jdbc:postgresql://127.0.0.1:5432/postgres"))
        .isEqualTo("connect to 127.0.0.1:5432");
    assertThatThrownBy(() -> probe.question("no-port")).hasMessageContaining("no-port");
  }
}
