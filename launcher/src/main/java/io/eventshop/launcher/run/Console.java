package io.eventshop.launcher.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The launcher's console: progress lines stamped with the seconds since the start, and the
 * warnings and errors of the children. One lock keeps lines whole.
 */
public final class Console {

  private final PrintStream out;
  private final long startNanos = System.nanoTime();

  public Console(PrintStream out) {
    this.out = out;
  }

  /** A progress line: {@code [  6.1s] kafka ready at 127.0.0.1:9092}. */
  public synchronized void step(String message) {
    out.printf(Locale.ROOT, "[%5.1fs] %s%n", elapsedSeconds(), message);
    out.flush();
  }

  /** A line as it is. */
  public synchronized void line(String text) {
    out.println(text);
    out.flush();
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
