package io.eventshop.platform.streams;

import io.eventshop.platform.streams.InteractiveQueries.KeyOwner;
import io.eventshop.platform.web.Unavailable;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Passes a request on to the instance that owns the key (Kafka Streams {@code application.server})
 * and relays its answer, asynchronously: no thread waits for the other instance. A forwarded
 * request carries {@link #FORWARDED}; an instance that gets one for a key it does not own either
 * (ownership moving in a rebalance) answers 503 rather than forwarding again.
 *
 * <p>Shared by every Streams service whose queries are keyed (order, analytics).
 */
public final class Forwarding {

  /** Header of a forwarded request. */
  public static final String FORWARDED = "Eventshop-Forwarded";

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Sends {@code request} (with {@code body}, or none; its {@code Content-Type},
   * {@code Idempotency-Key} and {@code Prefer}) to {@code owner} and relays status,
   * {@code Content-Type}, {@code Location}, {@code Preference-Applied} and body; 503 if the owner
   * does not answer.
   */
  public CompletableFuture<ResponseEntity<Object>> forward(KeyOwner owner, HttpServletRequest request,
                                                    String body, Duration timeout) {
    if (request.getHeader(FORWARDED) != null) {
      throw new Unavailable("the owner of this key is moving to another instance; retry");
    }
    String query = request.getQueryString();
    HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(owner.baseUrl()
            + request.getRequestURI() + (query == null ? "" : "?" + query)))
        .timeout(timeout)
        .header(FORWARDED, "true")
        .header(HttpHeaders.ACCEPT, "application/json");
    copy(request, forwarded, HttpHeaders.CONTENT_TYPE);
    copy(request, forwarded, "Idempotency-Key");
    copy(request, forwarded, "Prefer");
    forwarded.method(request.getMethod(), body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.sendAsync(forwarded.build(), HttpResponse.BodyHandlers.ofString())
        .handle((response, error) -> {
          if (error != null) {
            throw new Unavailable("the instance owning this key (" + owner.baseUrl()
                + ") did not answer: " + error.getMessage());
          }
          ResponseEntity.BodyBuilder relayed = ResponseEntity.status(
              HttpStatus.valueOf(response.statusCode()));
          response.headers().firstValue(HttpHeaders.CONTENT_TYPE)
              .ifPresent(type -> relayed.header(HttpHeaders.CONTENT_TYPE, type));
          response.headers().firstValue(HttpHeaders.LOCATION)
              .ifPresent(location -> relayed.header(HttpHeaders.LOCATION, location));
          response.headers().firstValue("Preference-Applied")
              .ifPresent(applied -> relayed.header("Preference-Applied", applied));
          return relayed.body(response.body());
        });
  }

  private static void copy(HttpServletRequest from, HttpRequest.Builder to, String header) {
    String value = from.getHeader(header);
    if (value != null) {
      to.header(header, value);
    }
  }
}
