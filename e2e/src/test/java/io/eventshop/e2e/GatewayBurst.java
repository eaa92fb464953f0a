package io.eventshop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * One client (this JVM, one IP address) sending requests to the gateway in waves, all of a wave
 * at once: what a misbehaving script does, and what the gateway's per-client token bucket is for.
 * Bounded in requests and time; it stops at the first refusal.
 */
final class GatewayBurst {

  /** Twice the gateway's default bucket: a wave that arrives within a second cannot all pass. */
  private static final int WAVE = 200;
  private static final int MAX_WAVES = 10;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer with the headers a refusal is about. */
  record Answer(int status, HttpResponse<String> response) {

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    JsonNode body() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + response.body(), e);
      }
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String gateway;

  GatewayBurst(String gateway) {
    this.gateway = gateway;
  }

  /** Sends waves of GETs of {@code path} until the gateway refuses one; that refusal. */
  Answer untilRefused(String path) {
    for (int wave = 0; wave < MAX_WAVES; wave++) {
      List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, WAVE)
          .mapToObj(i -> send(path)).toList();
      Optional<HttpResponse<String>> refused = sent.stream().map(CompletableFuture::join)
          .filter(response -> response.statusCode() != 200).findFirst();
      if (refused.isPresent()) {
        return new Answer(refused.get().statusCode(), refused.get());
      }
    }
    throw new AssertionError("the gateway served " + WAVE * MAX_WAVES + " requests of " + path
        + " in waves of " + WAVE + " without refusing one");
  }

  /** One GET of {@code path}. */
  Answer one(String path) {
    HttpResponse<String> response = send(path).join();
    return new Answer(response.statusCode(), response);
  }

  private CompletableFuture<HttpResponse<String>> send(String path) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path))
        .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
