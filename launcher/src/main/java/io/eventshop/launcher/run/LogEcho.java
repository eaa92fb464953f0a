package io.eventshop.launcher.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Follows the children's log files and echoes their warnings and errors to the console, one line
 * each with the component's name in front ({@code product | ERROR ...}); everything else stays in
 * the files. Children write to files rather than to a pipe so that they never block on, or die
 * with, the launcher's console.
 */
public final class LogEcho implements AutoCloseable {

  /** A level word near the start of a line, as Spring Boot and Kafka's log layouts put it. */
  private static final Pattern LEVEL = Pattern.compile("^.{0,60}?\\b(WARN|WARNING|ERROR|FATAL)\\b");
  private static final long POLL_MILLIS = 250;

  private final Console console;
  private final List<Followed> followed = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  public LogEcho(Console console) {
    this.console = console;
    this.thread = new Thread(this::run, "log-echo");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Whether a log line is a warning or an error. */
  public static boolean isWarningOrError(String line) {
    return LEVEL.matcher(line).find();
  }

  /** Echoes what is appended to {@code file} from now on, prefixed with {@code component}. */
  public void follow(String component, Path file) {
    long start = 0;
    try {
      start = Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      // start from the beginning
    }
    followed.add(new Followed(component, file, start));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    followed.forEach(this::readNewLines);
  }

  private void run() {
    while (running) {
      followed.forEach(this::readNewLines);
      try {
        Thread.sleep(POLL_MILLIS); // a file has no change notification that works everywhere
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void readNewLines(Followed f) {
    synchronized (f) {
      try (RandomAccessFile file = new RandomAccessFile(f.file.toFile(), "r")) {
        long length = file.length();
        if (length < f.position) {
          f.position = 0; // truncated
        }
        if (length == f.position) {
          return;
        }
        file.seek(f.position);
        byte[] bytes = new byte[(int) Math.min(length - f.position, 1 << 20)];
        file.readFully(bytes);
        f.position += bytes.length;
        f.pending.append(new String(bytes, StandardCharsets.UTF_8));
        int newline;
        while ((newline = f.pending.indexOf("\n")) >= 0) {
          String line = f.pending.substring(0, newline).stripTrailing();
          f.pending.delete(0, newline + 1);
          if (isWarningOrError(line)) {
            console.line(String.format(Locale.ROOT, "%-15s | %s", f.component, line));
          }
        }
      } catch (IOException e) {
        // the file does not exist yet: try again on the next round
      }
    }
  }

  private static final class Followed {
    private final String component;
    private final Path file;
    private final StringBuilder pending = new StringBuilder();
    private long position;

    private Followed(String component, Path file, long position) {
      this.component = component;
      this.file = file;
      this.position = position;
    }
  }
}
