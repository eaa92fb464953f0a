package io.eventshop.launcher.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Ready when {@code GET <url><path>} answers 2xx. Spring Boot services use {@link #SPRING_HEALTH}; a
 * Kafka Connect worker answers {@code GET /}.
 *
 * @param path the path to ask, starting with {@code /}
 */
public record HttpProbe(String path) implements ReadinessProbe {

  /** Spring Boot's health endpoint: 200 when every health indicator is up, 503 otherwise. */
  public static final HttpProbe SPRING_HEALTH = new HttpProbe("/actuator/health");

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  // one client for every probe: each client has threads of its own
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  public HttpProbe {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("an HTTP probe's path starts with '/': " + path);
    }
  }

  @Override
  public boolean isReady(String url, Optional<Path> kafkaProperties) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT).GET()
        .build();
    try {
      int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String question(String url) {
    return "GET " + url + path;
  }

  @Override
  public String outcome() {
    return "healthy";
  }
}
