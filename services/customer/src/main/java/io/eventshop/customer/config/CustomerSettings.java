package io.eventshop.customer.config;

import io.eventshop.customer.fraud.FraudPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The customer service's own settings ({@code eventshop.customer.*}); the shared Kafka and registry
 * settings are the platform's {@code eventshop.*}. A bad value stops start-up naming the key.
 *
 * @param fraud        the thresholds of the fraud rules
 * @param writeTimeout how long a REST write may wait for its Kafka transaction before answering
 *                     503, and then for the change to be readable by every reader of {@code customers}
 * @param legacy       how customers of the legacy CRM are taken over
 */
@Validated
@ConfigurationProperties("eventshop.customer")
public record CustomerSettings(@Valid @DefaultValue Fraud fraud,
                               @DefaultValue("10s") @NotNull Duration writeTimeout,
                               @Valid @DefaultValue Legacy legacy) {

  /**
   * Taking customers over from the legacy CRM ({@code eventshop.customer.legacy.*}).
   *
   * @param creditLimit the credit limit (CHF) of a customer taken over: the CRM has none
   */
  public record Legacy(@DefaultValue("1000.00") @NotNull @DecimalMin("0") BigDecimal creditLimit) {
  }

  /**
   * Fraud thresholds ({@code eventshop.customer.fraud.*}).
   *
   * @param maxOrdersPerWindow    more orders than this by one customer within {@code window} are
   *                              suspect
   * @param window                the sliding window of the rate rule
   * @param newCustomerOrderLimit an order above this total (CHF) by a new customer is suspect
   * @param newCustomerAge        customers registered less than this long ago are new
   */
  public record Fraud(@DefaultValue("10") @Min(1) @Max(100_000) int maxOrdersPerWindow,
                      @DefaultValue("1m") @NotNull Duration window,
                      @DefaultValue("5000.00") @NotNull @DecimalMin("0") BigDecimal newCustomerOrderLimit,
                      @DefaultValue("1d") @NotNull Duration newCustomerAge) {

    public FraudPolicy policy() {
      return new FraudPolicy(maxOrdersPerWindow, window, newCustomerOrderLimit, newCustomerAge);
    }
  }
}
