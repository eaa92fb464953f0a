package io.eventshop.launcher.sql;

/** What running one statement came to. */
public sealed interface Outcome {

  /** Whether the next statement may run. */
  boolean ran();

  /**
   * What to tell the user, {@code where} naming the input after the line number (" of FILE", or
   * nothing at the prompt).
   */
  String describe(String where);

  /** The statement ran (a push query also when it was cancelled). */
  record Ran() implements Outcome {

    @Override
    public boolean ran() {
      return true;
    }

    @Override
    public String describe(String where) {
      return "";
    }
  }

  /**
   * The service refused it: {@code line} is the input's line where the error is (the service's
   * position within the statement, moved to where the statement starts).
   */
  record Failed(int line, int status, String message) implements Outcome {

    @Override
    public boolean ran() {
      return false;
    }

    @Override
    public String describe(String where) {
      return "error at line " + line + where + " (HTTP " + status + "): " + message;
    }
  }

  /** No service answered. */
  record Unreachable(String message) implements Outcome {

    @Override
    public boolean ran() {
      return false;
    }

    @Override
    public String describe(String where) {
      return message;
    }
  }
}
