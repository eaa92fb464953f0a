package io.eventshop.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once at work: {@code kill -9} of the stock service in the middle of a burst of orders;
 * the launcher starts it again, it resumes from its last committed transaction, and every order
 * still ends final with the stock invariants intact. Runs last: it takes a service away.
 */
@Order(7)
class StockCrashIT {

  private final StockInvariantIT flow = new StockInvariantIT();

  @BeforeAll
  static void startTheShop() {
    StockInvariantIT.startTheShop();
  }

  @Test
  void keepsTheInvariantsWhenTheStockServiceIsKilledInTheMiddleOfABurst() throws Exception {
    Map<String, Integer> received = flow.stockUp(12, 9, 7);
    List<String> customers = flow.customers(12);
    long stockPid = StockInvariantIT.shop.pid("stock");

    Set<String> orders = flow.placeInParallel(customers, List.copyOf(received.keySet()), 90, 7,
        () -> ProcessHandle.of(stockPid).ifPresent(ProcessHandle::destroyForcibly));
    await("the stock service is gone").atMost(Duration.ofSeconds(30))
        .until(() -> ProcessHandle.of(stockPid).map(p -> !p.isAlive()).orElse(true));
    String anySku = StockInvariantIT.first(received);
    await("the launcher restarts the stock service").atMost(Duration.ofMinutes(4))
        .ignoreExceptions()
        .until(() -> StockInvariantIT.shop.pid("stock") != stockPid
            && StockInvariantIT.api.get("/api/stock/" + anySku).status() == 200);

    flow.awaitAllFinal(orders);
    flow.assertInvariants(received, orders, Set.of());
  }
}
