package io.eventshop.bench.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The sql service's REST API as the benchmark uses it: statements, and one push query. */
final class SqlApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  SqlApi(String base) {
    this.base = base;
  }

  /** Runs a statement; its answer, or an exception naming the problem. */
  String ksql(String statement, Map<String, String> properties) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("ksql", statement);
    body.set("streamsProperties", JSON.valueToTree(properties));
    HttpResponse<String> answer = http.send(request("/ksql", body),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(statement + " -> HTTP " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  /**
   * A push query's rows, handed to {@code row} as they arrive, on a thread of the client. A line
   * subscriber of our own, not {@code ofLines()}: closing that stream from another thread waits
   * for the reader's lock, which the thread blocked in {@code readLine} holds.
   */
  Rows push(String query, Consumer<JsonNode> row) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("sql", query);
    Rows rows = new Rows();
    http.sendAsync(request("/query-stream", body), HttpResponse.BodyHandlers.fromLineSubscriber(
        new Flow.Subscriber<String>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            rows.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(String line) {
            if (rows.header.getCount() > 0) {
              rows.header.countDown();
            } else {
              row.accept(read(line));
            }
          }

          @Override
          public void onError(Throwable error) {
            // the rows counted so far are what the phase measured
          }

          @Override
          public void onComplete() {
            // only a LIMIT or the service's end: this query has none
          }
        }));
    return rows;
  }

  /** A running push query. */
  static final class Rows {

    private final CountDownLatch header = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;

    /** Waits for the header line: the query's job is submitted. */
    void awaitHeader(Duration timeout) throws Exception {
      if (!header.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("no header from the push query in " + timeout);
      }
    }

    /** Ends the query: the connection closes, and the service ends its job at the next row. */
    void close() {
      Flow.Subscription open = subscription;
      if (open != null) {
        open.cancel();
      }
    }
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + line, e);
    }
  }

  private HttpRequest request(String path, JsonNode body) throws IOException {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
  }
}
