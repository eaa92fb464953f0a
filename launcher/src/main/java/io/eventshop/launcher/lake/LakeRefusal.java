package io.eventshop.launcher.lake;

/** The lake service answered a query with an error: {@code reason} is its problem's detail. */
public final class LakeRefusal extends Exception {

  private final int status;
  private final String reason;

  LakeRefusal(int status, String reason) {
    super("HTTP " + status + ": " + reason);
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
