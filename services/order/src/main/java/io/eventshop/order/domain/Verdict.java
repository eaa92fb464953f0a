package io.eventshop.order.domain;

import java.util.List;
import java.util.Objects;

/** One validator's answer about one order. */
public record Verdict(Validator validator, boolean passed, List<Reason> reasons) {

  public Verdict {
    Objects.requireNonNull(validator, "validator");
    reasons = List.copyOf(reasons);
  }

  public static Verdict pass(Validator validator) {
    return new Verdict(validator, true, List.of());
  }

  public static Verdict fail(Validator validator, Reason... reasons) {
    return new Verdict(validator, false, List.of(reasons));
  }
}
