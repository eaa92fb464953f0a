package io.eventshop.launcher.sql;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive front end: a JLine prompt with history, completion and entries of several
 * lines, each entry's statements run in order. Ctrl-C cancels the running push query (at the
 * prompt it drops the line being typed); Ctrl-D or {@code exit;} quits.
 */
public final class InteractiveSql {

  static final String PROMPT = "sql> ";
  private static final Set<String> EXITS = Set.of("exit", "quit");

  private final SqlServiceClient service;
  private final Path historyFile;

  public InteractiveSql(SqlServiceClient service, Path historyFile) {
    this.service = service;
    this.historyFile = historyFile;
  }

  static boolean isExit(String statement) {
    return EXITS.contains(statement.strip().toLowerCase(Locale.ROOT));
  }

  /** Runs the prompt until the user quits. */
  public void run() throws IOException {
    // dumb(true): standard input not a terminal (a pipe) still works, with no line editing.
    try (Terminal terminal = TerminalBuilder.builder().name("eventshop sql").system(true)
        .dumb(true).build()) {
      SqlCompleter completer = new SqlCompleter();
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("eventshop-sql")
          .parser(new StatementParser()).completer(completer)
          .variable(LineReader.HISTORY_FILE, historyFile)
          .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...> ")
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .option(LineReader.Option.CASE_INSENSITIVE, true)
          .build();
      StatementRunner runner = new StatementRunner(service, terminal.writer());
      // Outside readLine (which has a handler of its own) Ctrl-C is a SIGINT to this JVM.
      terminal.handle(Signal.INT, signal -> runner.cancel());
      terminal.writer().println("eventshop sql on " + service.service() + ": end statements"
          + " with ';'. Ctrl-C cancels a push query, Ctrl-D or exit; quits.");
      completer.sources(service.sourceNames());
      while (true) {
        String entry;
        try {
          entry = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        if (runEntry(entry, runner, terminal)) {
          break;
        }
        completer.sources(service.sourceNames());
      }
      reader.getHistory().save();
    }
  }

  /** Runs an entry's statements until one fails; true when the entry asks to quit. */
  private static boolean runEntry(String entry, StatementRunner runner, Terminal terminal) {
    for (Statement statement : StatementScript.of(entry).all()) {
      if (isExit(statement.text())) {
        return true;
      }
      Outcome outcome = runner.run(statement);
      if (!outcome.ran()) {
        terminal.writer().println(outcome.describe(""));
        terminal.writer().flush();
        return false;
      }
    }
    return false;
  }
}
