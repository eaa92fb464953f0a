package io.eventshop.customer.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.customer.domain.Finding;
import io.eventshop.customer.domain.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FraudRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Optional<Instant> LONG_AGO = Optional.of(NOW.minus(Duration.ofDays(400)));
  private final FraudRules rules = new FraudRules(FraudPolicy.DEFAULTS);

  @Test
  void tenOrdersAMinuteAreFineTheEleventhIsSuspect() {
    assertThat(rules.assess(10, BigDecimal.TEN, NOW, LONG_AGO).passed()).isTrue();

    Verdict eleventh = rules.assess(11, BigDecimal.TEN, NOW, LONG_AGO);
    assertThat(eleventh.findings()).containsExactly(Finding.FRAUD_SUSPECTED);
    assertThat(eleventh.detail()).isEqualTo("more than 10 orders within 1 minute");
  }

  @Test
  void aHighValueOrderOfACustomerYoungerThanADayIsSuspect() {
    Optional<Instant> anHourAgo = Optional.of(NOW.minus(Duration.ofHours(1)));

    Verdict verdict = rules.assess(1, new BigDecimal("5000.01"), NOW, anHourAgo);

    assertThat(verdict.findings()).containsExactly(Finding.FRAUD_SUSPECTED);
    assertThat(verdict.detail()).isEqualTo(
        "order of 5000.01 above 5000.00 by a customer registered less than 24 hours ago");
  }

  @Test
  void anOrderOfExactlyTheThresholdIsFine() {
    Optional<Instant> anHourAgo = Optional.of(NOW.minus(Duration.ofHours(1)));

    assertThat(rules.assess(1, new BigDecimal("5000.00"), NOW, anHourAgo).passed()).isTrue();
  }

  @Test
  void aHighValueOrderOfACustomerOfADayOrMoreIsFine() {
    Optional<Instant> aDayAgo = Optional.of(NOW.minus(Duration.ofDays(1)));

    assertThat(rules.assess(1, new BigDecimal("9000.00"), NOW, aDayAgo).passed()).isTrue();
  }

  @Test
  void anUnknownCustomerIsLeftToTheCustomerCheck() {
    assertThat(rules.assess(1, new BigDecimal("9000.00"), NOW, Optional.empty()).passed()).isTrue();
  }

  @Test
  void bothRulesBreakingGiveOneReasonAndBothDetails() {
    Verdict verdict = rules.assess(12, new BigDecimal("9000.00"), NOW, Optional.of(NOW));

    assertThat(verdict.findings()).containsExactly(Finding.FRAUD_SUSPECTED);
    assertThat(verdict.detail()).contains("more than 10 orders", "9000.00");
  }

  @Test
  void durationsInDetailsReadAsWords() {
    assertThat(FraudRules.spoken(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    assertThat(FraudRules.spoken(Duration.ofMinutes(2))).isEqualTo("2 minutes");
    assertThat(FraudRules.spoken(Duration.ofMillis(1500))).isEqualTo("1500 milliseconds");
  }
}
