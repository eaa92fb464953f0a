package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  private static BenchOptions options(List<Double> open, List<Double> pipeline, int perCustomer) {
    return new BenchOptions(false, 10, 100, Duration.ZERO, List.of(1), open, pipeline,
        perCustomer, Duration.ofSeconds(20), 1_000, 100, Duration.ofSeconds(30), false, 0, 200, 0,
        null);
  }

  @Test
  void seedsCustomersEnoughForTheBusiestPhasePipelineIncluded() {
    // 5,000/s for 20 s = 100,000 orders, 9 per customer
    assertThat(options(List.of(100.0), List.of(5_000.0), 9).customersNeeded())
        .isEqualTo(11_112);
    // a raised budget needs fewer
    assertThat(options(List.of(100.0), List.of(5_000.0), 100).customersNeeded())
        .isEqualTo(1_000);
    // never fewer than asked for
    assertThat(options(List.of(1.0), List.of(), 9).customersNeeded()).isEqualTo(100);
  }

  @Test
  void keepsTheBudgetWithinWhatASeededCustomersCreditCovers() {
    assertThatThrownBy(() -> options(List.of(), List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options(List.of(), List.of(), 3_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options(List.of(), List.of(-1.0), 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runsThePipelinePhasesByDefault() {
    assertThat(BenchOptions.full().pipelineRates()).containsExactly(500.0, 1_000.0, 2_000.0, 5_000.0);
    assertThat(BenchOptions.quick().pipelineRates()).containsExactly(200.0, 500.0);
    assertThat(BenchOptions.smoke().pipelineRates()).containsExactly(20.0);
    assertThat(BenchOptions.full().ordersPerCustomer()).isEqualTo(9);
  }
}
