package io.eventshop.platform.web;

import java.util.List;

/**
 * Input a handler found invalid by a rule of its own (beyond bean validation), e.g. a search
 * query that does not parse: answered 400 with {@code errors: [{field, message}]}, the same
 * document bean-validation failures get.
 */
public class InvalidInput extends RuntimeException {

  private final List<FieldProblem> problems;

  /** One offending field or request parameter and what is wrong with it. */
  public InvalidInput(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public InvalidInput(List<FieldProblem> problems) {
    super(problems.toString(), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("invalid input names at least one field");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every offending field. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
