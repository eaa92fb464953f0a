package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void namesTheComponentAndTheOptionWhenAPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      assertThat(PortCheck.firstProblem(List.of(new PortUse("kafka", port, "--kafka-port PORT"))))
          .contains("port " + port + " for kafka is already in use; stop what uses it or choose"
              + " another port with --kafka-port PORT");
    }
  }

  @Test
  void acceptsFreePorts() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }
    assertThat(PortCheck.firstProblem(List.of(new PortUse("product", free, "--port product=PORT"))))
        .isEmpty();
  }

  @Test
  void refusesAPortPlannedForTwoComponents() {
    assertThat(PortCheck.firstProblem(List.of(
        new PortUse("schema-registry", 8081, "--port schema-registry=PORT"),
        new PortUse("product", 8081, "--port product=PORT"))))
        .hasValueSatisfying(problem -> assertThat(problem)
            .contains("8081", "schema-registry", "product", "--port product=PORT"));
  }

  @Test
  void refusesANumberThatIsNoTcpPort() {
    assertThat(PortCheck.firstProblem(List.of(new PortUse("order", 70000, "--port order=PORT"))))
        .hasValueSatisfying(problem -> assertThat(problem).contains("not a TCP port"));
  }
}
