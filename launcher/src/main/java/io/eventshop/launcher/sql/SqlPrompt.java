package io.eventshop.launcher.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;

/**
 * A JLine prompt for statements ended by {@code ;}, shared by {@code eventshop sql} and
 * {@code eventshop lake sql}: history in a file, Tab completion of keywords and names, entries of
 * several lines, each entry's statements run in order until one fails (its error is shown and
 * the prompt carries on). Ctrl-C cancels the running statement (at the prompt it drops the line
 * being typed); Ctrl-D or {@code exit;} quits.
 */
public final class SqlPrompt {

  private static final Set<String> EXITS = Set.of("exit", "quit");

  /** What the prompt runs statements against. */
  public interface Session {

    /** The line shown when the prompt opens. */
    String banner();

    /** Runs one statement, printing its result; a failed outcome ends the entry. */
    Outcome run(Statement statement);

    /** Ctrl-C while a statement runs. */
    void cancel();

    /** The names to complete besides the keywords, asked between two entries. */
    SortedSet<String> names();
  }

  private final String appName;
  private final String prompt;
  private final List<String> keywords;
  private final Path historyFile;

  /**
   * @param appName     JLine's application name (its settings in {@code ~/.inputrc})
   * @param prompt      the prompt, e.g. {@code "sql> "}
   * @param keywords    what Tab completes besides the session's names
   * @param historyFile where the history is kept between runs
   */
  public SqlPrompt(String appName, String prompt, List<String> keywords, Path historyFile) {
    this.appName = appName;
    this.prompt = prompt;
    this.keywords = List.copyOf(keywords);
    this.historyFile = historyFile;
  }

  static boolean isExit(String statement) {
    return EXITS.contains(statement.strip().toLowerCase(Locale.ROOT));
  }

  /** Runs the prompt until the user quits; {@code session} is made with the terminal's writer. */
  public void run(Function<PrintWriter, Session> session) throws IOException {
    // dumb(true): standard input not a terminal (a pipe) still works, with no line editing.
    try (Terminal terminal = TerminalBuilder.builder().name(appName).system(true)
        .dumb(true).build()) {
      SqlCompleter completer = new SqlCompleter(keywords);
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName(appName)
          .parser(new StatementParser()).completer(completer)
          .variable(LineReader.HISTORY_FILE, historyFile)
          .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...> ")
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .option(LineReader.Option.CASE_INSENSITIVE, true)
          .build();
      Session statements = session.apply(terminal.writer());
      // Outside readLine (which has a handler of its own) Ctrl-C is a SIGINT to this JVM.
      terminal.handle(Signal.INT, signal -> statements.cancel());
      terminal.writer().println(statements.banner());
      completer.names(statements.names());
      while (true) {
        String entry;
        try {
          entry = reader.readLine(prompt);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        if (runEntry(entry, statements, terminal.writer())) {
          break;
        }
        completer.names(statements.names());
      }
      reader.getHistory().save();
    }
  }

  /** Runs an entry's statements until one fails; true when the entry asks to quit. */
  static boolean runEntry(String entry, Session session, PrintWriter out) {
    for (Statement statement : StatementScript.of(entry).all()) {
      if (isExit(statement.text())) {
        return true;
      }
      Outcome outcome = session.run(statement);
      if (!outcome.ran()) {
        out.println(outcome.describe(""));
        out.flush();
        return false;
      }
    }
    return false;
  }
}
