package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerPoolTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void spreadsOrdersRoundRobin() {
    CustomerPool pool = new CustomerPool(List.of("a", "b", "c"), 2, Duration.ofSeconds(60));

    assertThat(List.of(pool.next(0), pool.next(1), pool.next(2), pool.next(3)))
        .containsExactly("a", "b", "c", "a");
    assertThat(pool.overBudget()).isZero();
  }

  @Test
  void countsOrdersBeyondACustomersBudgetWithinTheWindow() {
    CustomerPool pool = new CustomerPool(List.of("a"), 2, Duration.ofSeconds(60));

    pool.next(0);
    pool.next(SECOND);
    pool.next(2 * SECOND); // a third order within a minute

    assertThat(pool.overBudget()).isEqualTo(1);
  }

  @Test
  void aBudgetRefillsOnceTheWindowHasPassed() {
    CustomerPool pool = new CustomerPool(List.of("a"), 2, Duration.ofSeconds(60));

    pool.next(0);
    pool.next(SECOND);
    pool.next(61 * SECOND); // the first order has left the window
    pool.next(62 * SECOND);

    assertThat(pool.overBudget()).isZero();
  }

  @Test
  void knowsTheRateItSustains() {
    CustomerPool pool = new CustomerPool(List.of("a", "b"), 9, Duration.ofSeconds(60));

    assertThat(pool.sustainableRate()).isEqualTo(0.3);
  }
}
