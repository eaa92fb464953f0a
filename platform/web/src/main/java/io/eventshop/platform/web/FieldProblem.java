package io.eventshop.platform.web;

/**
 * One offending input of a 400 problem: the field (JSON path such as {@code lines[0].quantity},
 * or a request parameter name) and what is wrong with it.
 */
public record FieldProblem(String field, String message) {

  @Override
  public String toString() {
    return field + " " + message;
  }
}
