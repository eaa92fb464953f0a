package io.eventshop.search.index;

/** A search the index cannot run as asked: which parameter, and what is wrong with it. */
public final class InvalidQuery extends RuntimeException {

  private final String parameter;

  /** A problem with the query text, parameter {@code q}. */
  public InvalidQuery(String message) {
    this("q", message);
  }

  public InvalidQuery(String parameter, String message) {
    super(parameter + " " + message, null, false, false);
    this.parameter = parameter;
  }

  /** The request parameter at fault. */
  public String parameter() {
    return parameter;
  }

  /** What is wrong with it, completing "{parameter} …". */
  public String problem() {
    return getMessage().substring(parameter.length() + 1);
  }
}
