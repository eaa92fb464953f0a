package io.eventshop.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.eventshop.launcher.lake.LakeClient;
import io.eventshop.launcher.lake.LakeReport;
import io.eventshop.launcher.lake.LakeSession;
import io.eventshop.launcher.sql.Outcome;
import io.eventshop.launcher.sql.Statement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The lake commands against a stand-in lake service. */
class LakeCommandsTest {

  @TempDir
  Path dir;

  private HttpServer lake;
  private final List<String> received = new ArrayList<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  /**
   * Answers a query with COPY with the service's 400, one of refined.daily_funnel as a table that
   * does not exist, one of another refined table with rows of its shape, any other with two rows;
   * and refine.
   */
  @BeforeEach
  void startAStandInLake() throws IOException {
    lake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    lake.createContext("/api/lake/query", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(body);
      String refused = body.contains("COPY") ? "is a COPY statement: only one read-only SELECT"
          + " is allowed" : body.contains("refined.daily_funnel") ? "Catalog Error: Table with"
          + " name daily_funnel does not exist!" : null;
      byte[] answer = (refused != null
          ? "{\"status\":400,\"errors\":[{\"field\":\"sql\",\"message\":\"" + refused + "\"}]}"
          : body.contains("refined.daily_revenue") ? """
          {"columns":[{"name":"day"},{"name":"country"},{"name":"revenue"}],
           "rows":[["2026-11-30","CH",90.00],["2026-12-01","DE",40.00]],"elapsedMs":3}"""
          : body.contains("refined.stock_turnover") ? """
          {"columns":[{"name":"sku"},{"name":"value"}],"rows":[["MUG",4]],"elapsedMs":3}"""
          : """
          {"columns":[{"name":"country","type":"VARCHAR"},{"name":"n","type":"BIGINT"}],
           "rows":[["CH",3],["DE",1]],"truncated":false,"elapsedMs":12}""")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          refused == null ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(refused == null ? 200 : 400, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    lake.createContext("/api/lake/refine", exchange -> {
      byte[] answer = """
          [{"table":"refined.daily_revenue","rows":42,"skipped":null,"elapsedMs":310},
           {"table":"refined.customer_lifetime_value","rows":0,
            "skipped":"raw.orders_enriched has no commit yet","elapsedMs":2}]"""
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    lake.start();
  }

  @AfterEach
  void stop() {
    lake.stop(0);
  }

  @Test
  void printsEachAnswerAsATableAndStopsAtTheFirstRefusalWithItsLine() throws IOException {
    Path file = Files.writeString(dir.resolve("q.sql"), """
        -- revenue by country
        SELECT country, count(*) AS n
          FROM raw.orders GROUP BY country;

        COPY raw.orders TO '/tmp/x.csv';
        SELECT 1;
        """);

    int exit = run("--file", file.toString());

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(LakeSqlCommand.FAILED);
    assertThat(output).contains("> SELECT country, count(*) AS n FROM raw.orders GROUP BY"
        + " country;").containsPattern("country +n").containsPattern("CH +3")
        .contains("(2 rows, 12 ms)")
        .contains("error at line 5 of " + file + " (HTTP 400): is a COPY statement");
    assertThat(received).hasSize(2);
    assertThat(received.get(0)).contains("\"sql\"").contains("SELECT country");
  }

  @Test
  void saysSoWhenNoLakeServiceAnswers() throws IOException {
    Path file = Files.writeString(dir.resolve("q.sql"), "SELECT 1;");
    int port = lake.getAddress().getPort();
    lake.stop(0);

    int exit = new CommandLine(new LakeSqlCommand().printingTo(new PrintStream(printed, true,
        StandardCharsets.UTF_8))).execute("--file", file.toString(),
        "--url", "http://127.0.0.1:" + port);

    assertThat(exit).isEqualTo(LakeSqlCommand.NO_SERVICE);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("does not answer");
  }

  @Test
  void refinePrintsEachRefinedTableWithItsRowsOrWhyItWasSkipped() {
    int exit = new CommandLine(new LakeRefineCommand().printingTo(new PrintStream(printed, true,
        StandardCharsets.UTF_8))).execute("--url",
        "http://127.0.0.1:" + lake.getAddress().getPort() + "/");

    assertThat(exit).isEqualTo(LakeRefineCommand.OK);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern("refined.daily_revenue +42 +310")
        .containsPattern("refined.customer_lifetime_value +0 +2 +raw.orders_enriched has no"
            + " commit yet");
  }

  @Test
  void reportWritesOneHtmlFileWithAChartPerRefinedTableTheLakeHas() throws IOException {
    Path report = dir.resolve("report.html");

    int exit = new CommandLine(new LakeReportCommand().printingTo(new PrintStream(printed, true,
        StandardCharsets.UTF_8))).execute("--out", report.toString(), "--url",
        "http://127.0.0.1:" + lake.getAddress().getPort());

    assertThat(exit).isEqualTo(LakeReportCommand.OK);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("wrote " + report);
    String html = Files.readString(report);
    assertThat(html.split("<svg ", -1)).as("revenue, top products, turnover").hasSize(4);
    assertThat(html).contains("<title>CH 2026-11-30: 90</title>")
        .contains("<title>MUG: 4</title>")
        .contains("No data yet: Catalog Error: Table with name daily_funnel does not exist!");
    assertThat(received).hasSize(LakeReport.Part.values().length);
  }

  @Test
  void reportSaysSoWhenNoLakeServiceAnswers() {
    int port = lake.getAddress().getPort();
    lake.stop(0);

    int exit = new CommandLine(new LakeReportCommand().printingTo(new PrintStream(printed, true,
        StandardCharsets.UTF_8))).execute("--out", dir.resolve("r.html").toString(),
        "--url", "http://127.0.0.1:" + port);

    assertThat(exit).isEqualTo(LakeReportCommand.NO_SERVICE);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("does not answer");
    assertThat(dir.resolve("r.html")).doesNotExist();
  }

  @Test
  void aPromptQueryPrintsItsTableAsTheFileModeDoesAndARefusalItsReasonWithTheLine() {
    StringWriter terminal = new StringWriter();
    LakeSession session = new LakeSession(new LakeClient("http://127.0.0.1:"
        + lake.getAddress().getPort()), new PrintWriter(terminal, true));

    Outcome answered = session.run(new Statement("SELECT country, count(*) AS n FROM raw.orders"
        + " GROUP BY country", 1));
    Outcome refused = session.run(new Statement("COPY raw.orders TO 'x.csv'", 3));

    assertThat(answered.ran()).isTrue();
    assertThat(terminal.toString()).containsPattern("country +n").containsPattern("CH +3")
        .contains("(2 rows, 12 ms)");
    assertThat(refused.ran()).isFalse();
    assertThat(refused.describe("")).isEqualTo("error at line 3 (HTTP 400): is a COPY statement:"
        + " only one read-only SELECT is allowed");
  }

  @Test
  void aPromptQuerySaysSoWhenNoLakeServiceAnswers() {
    int port = lake.getAddress().getPort();
    lake.stop(0);

    Outcome outcome = new LakeSession(new LakeClient("http://127.0.0.1:" + port),
        new PrintWriter(new StringWriter())).run(new Statement("SELECT 1", 1));

    assertThat(outcome).isInstanceOf(Outcome.Unreachable.class);
    assertThat(outcome.describe("")).contains("does not answer");
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", "http://127.0.0.1:" + lake.getAddress().getPort(),
        "--data-dir", dir.toString()));
    return new CommandLine(new LakeSqlCommand().printingTo(new PrintStream(printed, true,
        StandardCharsets.UTF_8))).execute(all.toArray(String[]::new));
  }
}
