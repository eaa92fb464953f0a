package io.eventshop.launcher.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.run.Json;
import io.eventshop.launcher.run.ProblemText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs statements one at a time against the sql service and prints their answers, for both
 * front ends (a file, the prompt). Keeps the session's properties ({@code SET 'k'='v'}) as ksqlDB's
 * CLI does: the service is stateless between requests. A running push query can be
 * {@link #cancel() cancelled} from another thread (Ctrl-C): its stream is closed, which ends the
 * query on the service too.
 */
public final class StatementRunner {

  private static final Pattern POSITION = Pattern.compile("line (\\d+):(\\d+): ");
  private static final Pattern SET = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'([^']*)'$");
  private static final Pattern UNSET = Pattern.compile("(?is)^UNSET\\s+'([^']+)'$");

  private final SqlServiceClient service;
  private final AnswerPrinter printer;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private volatile PushStream running;
  private volatile boolean cancelled;

  public StatementRunner(SqlServiceClient service, PrintWriter out) {
    this.service = service;
    this.printer = new AnswerPrinter(out);
  }

  public Outcome run(Statement statement) {
    cancelled = false;
    try {
      return statement.streams() ? stream(statement) : execute(statement);
    } catch (IOException e) {
      // a refused connection has no message, only its class
      return new Outcome.Unreachable("the sql service at " + service.service()
          + " does not answer: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Unreachable("interrupted");
    }
  }

  /**
   * Stops the push query of the statement that is running, if it is one (from the thread of a
   * Ctrl-C); a query whose stream has not started yet is stopped as soon as it starts.
   */
  public void cancel() {
    cancelled = true;
    PushStream stream = running;
    if (stream != null) {
      stream.cancel();
    }
  }

  private Outcome execute(Statement statement) throws IOException, InterruptedException {
    HttpResponse<String> response = service.ksql(statement.text() + ";", properties);
    if (response.statusCode() != 200) {
      return failed(statement, response.statusCode(), response.body());
    }
    for (JsonNode answer : Json.MAPPER.readTree(response.body())) {
      printer.answer(answer);
    }
    remember(statement.text().strip());
    return new Outcome.Ran();
  }

  private void remember(String statement) {
    Matcher set = SET.matcher(statement);
    if (set.matches()) {
      properties.put(set.group(1), set.group(2));
    }
    Matcher unset = UNSET.matcher(statement);
    if (unset.matches()) {
      properties.remove(unset.group(1));
    }
  }

  private Outcome stream(Statement statement) throws IOException, InterruptedException {
    PushStream stream = service.queryStream(statement.text() + ";", properties);
    running = stream;
    if (cancelled) {
      stream.cancel();
    }
    int rows = 0;
    try {
      Optional<String> header = stream.next();
      if (stream.status() != 200) {
        StringBuilder text = new StringBuilder(header.orElse(""));
        for (Optional<String> line = stream.next(); line.isPresent(); line = stream.next()) {
          text.append(line.get());
        }
        return failed(statement, stream.status(), text.toString());
      }
      if (header.isEmpty()) {
        return new Outcome.Ran();
      }
      List<String> columns = new ArrayList<>();
      Json.MAPPER.readTree(header.get()).path("columnNames").forEach(c -> columns.add(c.asText()));
      printer.columns(columns);
      for (Optional<String> line = stream.next(); line.isPresent(); line = stream.next()) {
        printer.row(Json.MAPPER.readTree(line.get()));
        rows++;
      }
    } catch (IOException e) {
      if (!stream.cancelled()) {
        throw e;
      }
    } finally {
      running = null;
    }
    String count = rows + " row" + (rows == 1 ? "" : "s");
    printer.line(stream.cancelled() ? "(cancelled after " + count + ")" : "(" + count + ")");
    return new Outcome.Ran();
  }

  private static Outcome failed(Statement statement, int status, String body) {
    String message = ProblemText.reason(body);
    Matcher position = POSITION.matcher(message);
    int line = statement.line();
    if (position.lookingAt()) {
      line = statement.line() + Integer.parseInt(position.group(1)) - 1;
      message = message.substring(position.end());
    }
    return new Outcome.Failed(line, status, message);
  }
}
