package io.eventshop.customer.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer check of an order: the customer exists, is active, and the order fits in what is
 * left of the credit limit.
 *
 * <p>Credit in use is the sum of the totals of the customer's orders this check passed and that
 * were not rejected or cancelled since. Holding the credit from the moment of the pass (not from
 * {@code OrderValidated}) is stricter: two quick orders can never together exceed the limit.
 */
public final class CreditPolicy {

  private CreditPolicy() {
  }

  /** Checks an order of {@code orderTotal} for {@code customer} with {@code creditInUse} held. */
  public static Verdict check(Optional<Customer> customer, BigDecimal creditInUse,
                              BigDecimal orderTotal) {
    if (customer.isEmpty()) {
      return new Verdict(List.of(Finding.UNKNOWN_CUSTOMER), "no such customer");
    }
    Customer known = customer.get();
    List<Finding> findings = new ArrayList<>();
    List<String> details = new ArrayList<>();
    if (known.status() == CustomerStatus.BLOCKED) {
      findings.add(Finding.CUSTOMER_BLOCKED);
      details.add("customer is blocked");
    }
    BigDecimal needed = creditInUse.add(orderTotal);
    if (needed.compareTo(known.creditLimit()) > 0) {
      findings.add(Finding.CREDIT_LIMIT_EXCEEDED);
      details.add("credit in use " + creditInUse.toPlainString() + " + order "
          + orderTotal.toPlainString() + " exceeds the limit " + known.creditLimit().toPlainString());
    }
    return findings.isEmpty() ? Verdict.PASS : new Verdict(findings, String.join("; ", details));
  }
}
