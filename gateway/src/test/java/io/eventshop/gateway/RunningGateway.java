package io.eventshop.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The gateway application started in the test JVM on a free port, with the given arguments. */
final class RunningGateway implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  RunningGateway(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--server.port=0");
    // Only the event log's own test needs a broker.
    if (all.stream().noneMatch(arg -> arg.startsWith("--eventshop.gateway.event-log.enabled"))) {
      all.add("--eventshop.gateway.event-log.enabled=false");
    }
    context = new SpringApplicationBuilder(GatewayApplication.class)
        .run(all.toArray(String[]::new));
  }

  URI uri(String path) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> get(String path, String... headers) throws IOException,
      InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    context.close();
  }
}
