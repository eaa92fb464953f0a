package io.eventshop.customer.domain;

import java.util.List;

/**
 * The outcome of one check of one order: it passes when nothing was found.
 *
 * @param findings every reason the order fails, empty when it passes
 * @param detail   a sentence for people reading the validation, or null when it passes
 */
public record Verdict(List<Finding> findings, String detail) {

  public static final Verdict PASS = new Verdict(List.of(), null);

  public Verdict {
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return findings.isEmpty();
  }
}
