package io.eventshop.launcher;

/**
 * A failure the user can act on: the launcher prints the message (no stack trace) and exits with
 * the code.
 */
public class LauncherException extends RuntimeException {

  /** Exit code of a failure while running. */
  public static final int FAILED = 1;
  /** Exit code of a bad command line or a port that is taken. */
  public static final int USAGE = 2;

  private final int exitCode;

  public LauncherException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
