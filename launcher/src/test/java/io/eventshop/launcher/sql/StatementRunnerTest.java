package io.eventshop.launcher.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner against a real HTTP server that answers as the sql service does. */
class StatementRunnerTest {

  private HttpServer server;
  private final StringWriter output = new StringWriter();
  private final CountDownLatch clientWentAway = new CountDownLatch(1);
  private StatementRunner runner;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/sql/query-stream", this::endlessRows);
    server.createContext("/api/sql/ksql", exchange -> answer(exchange, 400,
        "{\"errors\":[{\"field\":\"ksql\",\"message\":\"line 2:3: expected WITH but found"
            + " 'WIHT'\"}]}"));
    server.start();
    runner = new StatementRunner(new SqlServiceClient("http://127.0.0.1:"
        + server.getAddress().getPort()), new PrintWriter(output, true));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void cancellingAPushQueryEndsItsStreamAndTheStatement() throws Exception {
    CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() ->
        runner.run(new Statement("SELECT * FROM orders_s EMIT CHANGES", 1)));
    await().atMost(Duration.ofSeconds(10)).until(() -> output.toString().contains("row 3"));

    runner.cancel();

    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Ran.class);
    assertThat(output.toString()).startsWith("ID | NAME\n").contains("(cancelled after ");
    assertThat(clientWentAway.await(10, TimeUnit.SECONDS)).as("the server saw the client go")
        .isTrue();
  }

  @Test
  void anErrorNamesTheLineOfTheInputWhereTheServiceFoundIt() {
    Outcome outcome = runner.run(new Statement("CREATE STREAM s\n  WIHT (kafka_topic='t')", 4));

    assertThat(outcome.describe(" of f.sql"))
        .isEqualTo("error at line 5 of f.sql (HTTP 400): expected WITH but found 'WIHT'");
  }

  @Test
  void aServiceThatDoesNotAnswerIsSaidSo() {
    server.stop(0);

    Outcome outcome = runner.run(new Statement("SHOW STREAMS", 1));

    assertThat(outcome).isInstanceOf(Outcome.Unreachable.class);
    assertThat(outcome.describe("")).contains("does not answer");
  }

  /** A push query that never ends by itself: rows every 50 ms until the client goes away. */
  private void endlessRows(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write("{\"queryId\":\"q1\",\"columnNames\":[\"ID\",\"NAME\"]}\n"
          .getBytes(StandardCharsets.UTF_8));
      for (int i = 1; ; i++) {
        body.write(("[" + i + ",\"row " + i + "\"]\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
        Thread.sleep(50); // the stand-in server paces its stream, as a push query does; no wait
      }
    } catch (IOException e) {
      clientWentAway.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
