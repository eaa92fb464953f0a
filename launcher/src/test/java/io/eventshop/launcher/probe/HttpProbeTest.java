package io.eventshop.launcher.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer server;
  private String url;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/actuator/health", exchange -> {
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void isReadyWhenThePathAnswers2xx() {
    assertThat(HttpProbe.SPRING_HEALTH.isReady(url, Optional.empty())).isTrue();
    status.set(204);
    assertThat(HttpProbe.SPRING_HEALTH.isReady(url, Optional.empty())).isTrue();
  }

  @Test
  void isNotReadyWhileThePathAnswersAnError() {
    status.set(503);
    assertThat(HttpProbe.SPRING_HEALTH.isReady(url, Optional.empty())).isFalse();
    status.set(302);
    assertThat(HttpProbe.SPRING_HEALTH.isReady(url, Optional.empty())).isFalse();
  }

  @Test
  void asksItsOwnPath() {
    assertThat(new HttpProbe("/").isReady(url, Optional.empty())).isFalse(); // 404
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    assertThat(new HttpProbe("/").isReady(url, Optional.empty())).isTrue();
    assertThat(new HttpProbe("/").question(url)).isEqualTo("GET " + url + "/");
  }

  @Test
  void isNotReadyWhenNothingListens() {
    server.stop(0);
    assertThat(HttpProbe.SPRING_HEALTH.isReady(url, Optional.empty())).isFalse();
  }
}
