package io.eventshop.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventshop.launcher.run.Json;
import io.eventshop.launcher.run.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop sql --file statements.sql}: runs a file's statements in order against the sql
 * service's REST API (push queries and PRINT through {@code /query-stream}, everything else
 * through {@code /ksql}), prints each answer as a table, and stops at the first statement that
 * fails with its line in the file (exit 1). Exit 3 when no sql service answers.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run a file of KSQL (or Flink SQL) statements against the sql service and print"
        + " the results (exit 0 all ran, 1 a statement failed, 3 no service answers).")
public final class SqlCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NO_SERVICE = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern POSITION = Pattern.compile("line (\\d+):(\\d+): ");

  @Mixin
  private RunDirectory directory;

  @Option(names = "--file", paramLabel = "FILE", description = "The statements to run, each "
      + "ended by ';' (the interactive CLI is not there yet: --file is needed).")
  private Path file;

  @Option(names = "--url", paramLabel = "URL",
      description = "The sql service (default: the run of --data-dir, else http://127.0.0.1:8170)."
          + " Through the gateway: http://127.0.0.1:8080/api/sql.")
  private String url;

  private PrintStream out = System.out;

  /** A statement of the file and the line it starts on. */
  record Statement(String text, int line) {

    boolean streams() {
      String head = text.stripLeading().toUpperCase(Locale.ROOT);
      return head.startsWith("SELECT") || head.startsWith("PRINT");
    }
  }

  @Override
  public Integer call() throws Exception {
    if (file == null) {
      out.println("the interactive CLI is not there yet: run a file with --file statements.sql");
      return USAGE;
    }
    List<Statement> statements;
    try {
      statements = split(Files.readString(file));
    } catch (IOException e) {
      out.println("cannot read " + file + ": " + e.getMessage());
      return USAGE;
    }
    String service = Optional.ofNullable(url).or(() -> directory.urlOf("sql"))
        .orElse("http://127.0.0.1:8170");
    service = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
    String base = service.endsWith("/api/sql") ? service : service + "/api/sql";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Statement statement : statements) {
      out.println("> " + statement.text().strip().replaceAll("\\s+", " ") + ";");
      try {
        boolean ok = statement.streams() ? stream(http, base, statement, properties)
            : run(http, base, statement, properties);
        if (!ok) {
          return FAILED;
        }
      } catch (IOException e) {
        out.println("the sql service at " + service + " does not answer: " + e.getMessage());
        return NO_SERVICE;
      }
    }
    return OK;
  }

  private boolean run(HttpClient http, String base, Statement statement,
                      Map<String, String> properties) throws IOException, InterruptedException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("ksql", statement.text() + ";");
    body.set("streamsProperties", Json.MAPPER.valueToTree(properties));
    HttpResponse<String> response = http.send(post(base + "/ksql", body),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return failed(statement, response.statusCode(), response.body());
    }
    for (JsonNode answer : Json.MAPPER.readTree(response.body())) {
      print(answer);
    }
    String head = statement.text().strip();
    Matcher set = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'([^']*)'$").matcher(head);
    if (set.matches()) {
      properties.put(set.group(1), set.group(2));
    }
    return true;
  }

  private boolean stream(HttpClient http, String base, Statement statement,
                         Map<String, String> properties) throws IOException, InterruptedException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("sql", statement.text() + ";");
    body.set("properties", Json.MAPPER.valueToTree(properties));
    HttpResponse<InputStream> response = http.send(post(base + "/query-stream", body),
        HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
        StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        StringBuilder text = new StringBuilder();
        lines.lines().forEach(text::append);
        return failed(statement, response.statusCode(), text.toString());
      }
      String header = lines.readLine();
      if (header == null) {
        return true;
      }
      List<String> columns = new ArrayList<>();
      Json.MAPPER.readTree(header).path("columnNames").forEach(c -> columns.add(c.asText()));
      out.println(String.join(" | ", columns));
      int rows = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : Json.MAPPER.readTree(line)) {
          cells.add(cell.isTextual() ? cell.asText() : cell.toString());
        }
        out.println(String.join(" | ", cells));
        rows++;
      }
      out.println("(" + rows + " row" + (rows == 1 ? "" : "s") + ")");
    }
    return true;
  }

  private boolean failed(Statement statement, int status, String body) {
    String message = ProblemText.reason(body);
    Matcher position = POSITION.matcher(message);
    int line = statement.line();
    if (position.lookingAt()) {
      line = statement.line() + Integer.parseInt(position.group(1)) - 1;
      message = message.substring(position.end());
    }
    out.println("error at line " + line + " of " + file + " (HTTP " + status + "): " + message);
    return false;
  }

  private void print(JsonNode answer) {
    String type = answer.path("@type").asText();
    switch (type) {
      case "currentStatus" -> out.println(answer.path("commandStatus").path("message").asText());
      case "streams", "tables", "queries" -> table(answer.path(type));
      case "kafka_topics" -> table(answer.path("topics"));
      case "properties" -> {
        Table table = new Table("PROPERTY", "VALUE");
        answer.path("properties").properties().forEach(e ->
            table.row(e.getKey(), e.getValue().asText()));
        table.lines().forEach(out::println);
      }
      case "sourceDescription" -> {
        JsonNode description = answer.path("sourceDescription");
        out.println(description.path("type").asText() + " " + description.path("name").asText()
            + " over topic " + description.path("topic").asText() + " ("
            + description.path("valueFormat").asText() + ")");
        table(description.path("fields"));
      }
      case "flinkResult" -> table(answer.path("rows"));
      default -> out.println(answer.toString());
    }
  }

  private void table(JsonNode rows) {
    if (!rows.isArray() || rows.isEmpty()) {
      out.println("(none)");
      return;
    }
    List<String> headers = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(headers::add);
    Table table = new Table(headers.stream().map(h -> h.toUpperCase(Locale.ROOT))
        .toArray(String[]::new));
    for (JsonNode row : rows) {
      Object[] cells = new Object[headers.size()];
      for (int i = 0; i < cells.length; i++) {
        JsonNode cell = row.path(headers.get(i));
        cells[i] = cell.isTextual() ? cell.asText() : cell.toString();
      }
      table.row(cells);
    }
    table.lines().forEach(out::println);
  }

  private static HttpRequest post(String url, JsonNode body) throws IOException {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build();
  }

  /**
   * The statements of {@code script}, each without its {@code ;}, with the line it starts on;
   * {@code ;} inside quotes and comments does not end a statement.
   */
  static List<Statement> split(String script) {
    List<Statement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int start = -1;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        while (i < script.length() && script.charAt(i) != '\n') {
          i++;
        }
        if (i < script.length()) {
          line++;
          current.append('\n');
        }
        continue;
      }
      if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? script.length() : end + 2;
        for (int k = i; k < end; k++) {
          if (script.charAt(k) == '\n') {
            line++;
            current.append('\n');
          }
        }
        i = end - 1;
        continue;
      }
      if (c == '\'' || c == '`' || c == '"') {
        int end = i + 1;
        while (end < script.length() && script.charAt(end) != c) {
          end++;
        }
        String quoted = script.substring(i, Math.min(end + 1, script.length()));
        if (start < 0) {
          start = line;
        }
        current.append(quoted);
        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
        i = end;
        continue;
      }
      if (c == ';') {
        if (start >= 0) {
          statements.add(new Statement(current.toString().strip(), start));
        }
        current.setLength(0);
        start = -1;
        continue;
      }
      if (c == '\n') {
        line++;
      } else if (!Character.isWhitespace(c) && start < 0) {
        start = line;
      }
      if (start >= 0 || !Character.isWhitespace(c)) {
        current.append(c);
      }
    }
    if (start >= 0 && !current.toString().isBlank()) {
      statements.add(new Statement(current.toString().strip(), start));
    }
    return statements;
  }

  /** For tests: where the output goes. */
  SqlCommand printingTo(PrintStream stream) {
    this.out = stream;
    return this;
  }
}
