package io.eventshop.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.run.Json;
import io.eventshop.launcher.run.ProblemText;
import io.eventshop.launcher.run.Table;
import io.eventshop.launcher.sql.Statement;
import io.eventshop.launcher.sql.StatementScript;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop lake sql --file queries.sql}: runs a file's SELECTs in order against the lake
 * service ({@code POST /api/lake/query}), prints each answer as a table, and stops at the first
 * that is refused or fails, with its line in the file (exit 1). Exit 3 when no lake service
 * answers.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run a file of SELECTs against the lake service and print the results"
        + " (exit 0 all ran, 1 a query was refused or failed, 2 usage, 3 no service answers).")
public final class LakeSqlCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NO_SERVICE = 3;
  /** Beyond the service's own time limit (30 s by default): the service answers first. */
  private static final Duration TIMEOUT = Duration.ofMinutes(11);

  @Mixin
  private RunDirectory directory;

  @Option(names = "--file", paramLabel = "FILE", required = true,
      description = "The queries to run, each ended by ';'.")
  private Path file;

  @Option(names = "--url", paramLabel = "URL", description = "The lake service (default: the"
      + " run of --data-dir, else http://127.0.0.1:8180); the gateway's URL works too.")
  private String url;

  private PrintStream out = System.out;

  /** For tests: where the tables go. */
  LakeSqlCommand printingTo(PrintStream out) {
    this.out = out;
    return this;
  }

  @Override
  public Integer call() throws Exception {
    List<Statement> queries;
    try {
      queries = StatementScript.of(Files.readString(file)).all();
    } catch (IOException e) {
      out.println("cannot read " + file + ": " + e.getMessage());
      return USAGE;
    }
    String service = LakeCommand.service(url, directory);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (Statement query : queries) {
      out.println("> " + query.text().strip().replaceAll("\\s+", " ") + ";");
      HttpResponse<String> answer;
      try {
        answer = http.send(HttpRequest.newBuilder(URI.create(service + "/api/lake/query"))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                    Map.of("sql", query.text())))).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        out.println("the lake service at " + service + " does not answer: " + e.getMessage());
        return NO_SERVICE;
      }
      if (answer.statusCode() != 200) {
        out.println("error at line " + query.line() + " of " + file + " (HTTP "
            + answer.statusCode() + "): " + ProblemText.reason(answer.body()));
        return FAILED;
      }
      print(Json.MAPPER.readTree(answer.body()));
    }
    return OK;
  }

  private void print(JsonNode answer) {
    JsonNode columns = answer.path("columns");
    String[] headers = new String[columns.size()];
    for (int i = 0; i < headers.length; i++) {
      headers[i] = columns.get(i).path("name").asText();
    }
    Table table = new Table(headers);
    for (JsonNode row : answer.path("rows")) {
      Object[] cells = new Object[headers.length];
      for (int i = 0; i < cells.length; i++) {
        JsonNode cell = row.get(i);
        cells[i] = cell.isTextual() ? cell.asText() : cell.toString();
      }
      table.row(cells);
    }
    table.lines().forEach(out::println);
    int rows = answer.path("rows").size();
    out.println("(" + rows + " row" + (rows == 1 ? "" : "s")
        + (answer.path("truncated").asBoolean() ? ", cut at the row limit" : "") + ", "
        + answer.path("elapsedMs").asLong() + " ms)");
  }
}
