package io.eventshop.customer.domain;

import java.util.List;

/** A command refused because of its content; nothing is written. */
public final class InvalidCustomer extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidCustomer(List<Violation> violations) {
    super(violations.stream().map(v -> v.field() + " " + v.message())
        .reduce((a, b) -> a + "; " + b).orElse("invalid customer"));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
