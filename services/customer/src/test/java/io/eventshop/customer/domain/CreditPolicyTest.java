package io.eventshop.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private static Optional<Customer> customer(String limit, CustomerStatus status) {
    return Optional.of(new Customer("c-1", "Ada", "ada@example.com",
        new Address("Main 1", "8001", "Zürich", "CH"), new BigDecimal(limit), status, NOW, NOW, null));
  }

  private static BigDecimal chf(String amount) {
    return new BigDecimal(amount);
  }

  @Test
  void anOrderThatFitsTheRemainingCreditPasses() {
    Verdict verdict = CreditPolicy.check(customer("100.00", CustomerStatus.ACTIVE), chf("60.00"),
        chf("40.00"));

    assertThat(verdict.passed()).isTrue();
  }

  @Test
  void anOrderOneCentOverTheRemainingCreditFails() {
    Verdict verdict = CreditPolicy.check(customer("100.00", CustomerStatus.ACTIVE), chf("60.00"),
        chf("40.01"));

    assertThat(verdict.findings()).containsExactly(Finding.CREDIT_LIMIT_EXCEEDED);
    assertThat(verdict.detail()).contains("60.00", "40.01", "100.00");
  }

  @Test
  void anUnknownCustomerFailsWithOnlyThatReason() {
    Verdict verdict = CreditPolicy.check(Optional.empty(), BigDecimal.ZERO, chf("1.00"));

    assertThat(verdict.findings()).containsExactly(Finding.UNKNOWN_CUSTOMER);
  }

  @Test
  void aBlockedCustomerFailsEvenWithinTheLimit() {
    Verdict verdict = CreditPolicy.check(customer("100.00", CustomerStatus.BLOCKED),
        BigDecimal.ZERO, chf("1.00"));

    assertThat(verdict.findings()).containsExactly(Finding.CUSTOMER_BLOCKED);
  }

  @Test
  void aBlockedCustomerOverTheLimitGetsBothReasons() {
    Verdict verdict = CreditPolicy.check(customer("100.00", CustomerStatus.BLOCKED),
        BigDecimal.ZERO, chf("100.01"));

    assertThat(verdict.findings())
        .containsExactly(Finding.CUSTOMER_BLOCKED, Finding.CREDIT_LIMIT_EXCEEDED);
  }
}
