package io.eventshop.analytics.domain;

import jakarta.validation.constraints.AssertTrue;

/**
 * The values a kind of sensor reading may take, bounds included.
 *
 * @param low  the lowest allowed value
 * @param high the highest allowed value
 */
public record AllowedRange(double low, double high) {

  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  @AssertTrue(message = "low must be below high")
  public boolean isOrdered() {
    return low < high;
  }
}
