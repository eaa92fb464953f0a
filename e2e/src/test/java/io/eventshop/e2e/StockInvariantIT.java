package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The order flow's invariants under concurrency and under a crash: many customers race for a few
 * products with less stock than they order, including multi-line orders, and afterwards every
 * order is final, nothing is oversold and every reservation matches a live validated order.
 * Requests go straight to the services: this tests the flow, not the gateway's rate limit.
 */
@Order(6)
class StockInvariantIT {

  private static final int CLIENTS = 8;
  private static final Duration FINAL_WAIT = Duration.ofSeconds(60);
  static RunningShop shop;
  static ShopApi api;

  @BeforeAll
  static void startTheShop() {
    shop = RunningShop.get();
    api = ShopApi.direct(shop);
  }

  @Test
  void neverOversellsWhenManyCustomersRaceForTheLastItems() throws Exception {
    Map<String, Integer> received = stockUp(10, 8, 6);
    List<String> customers = customers(12);

    Set<String> orders = placeInParallel(customers, List.copyOf(received.keySet()), 90, 42, null);
    Map<String, String> states = awaitAllFinal(orders);
    Set<String> cancelled = cancelSome(states, 3);

    assertInvariants(received, orders, cancelled);
  }

  Map<String, Integer> stockUp(int... quantities) {
    Map<String, Integer> received = new LinkedHashMap<>();
    for (int quantity : quantities) {
      String sku = OrderFlowIT.uniqueSku();
      api.createProduct(sku, "race", "1.00");
      api.receiveStock(sku, quantity);
      received.put(sku, quantity);
    }
    return received;
  }

  List<String> customers(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> api.createCustomer("Racer " + i, "100000.00")).toList();
  }

  /**
   * Places {@code count} orders from {@link #CLIENTS} parallel clients, round-robin over the
   * customers (so no customer trips the fraud rate rule), with 1 to 3 lines of 1 to 3 units;
   * runs {@code midway} once half of them are placed.
   */
  Set<String> placeInParallel(List<String> customers, List<String> skus, int count,
                                      long seed, Runnable midway) throws Exception {
    Random random = new Random(seed);
    List<List<Line>> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> shuffled = new ArrayList<>(skus);
      java.util.Collections.shuffle(shuffled, random);
      int lines = 1 + random.nextInt(skus.size());
      orders.add(shuffled.subList(0, lines).stream()
          .map(sku -> new Line(sku, 1 + random.nextInt(3))).toList());
    }
    Set<String> ids = ConcurrentHashMap.newKeySet();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> placed = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (i == count / 2 && midway != null) {
          for (Future<?> f : placed) {
            f.get();
          }
          midway.run();
        }
        String customer = customers.get(i % customers.size());
        List<Line> lines = orders.get(i);
        placed.add(clients.submit(() -> ids.add(api.placeOrderId(customer, lines))));
      }
      for (Future<?> f : placed) {
        f.get();
      }
    } finally {
      clients.shutdown();
    }
    assertThat(ids).hasSize(count);
    return ids;
  }

  Map<String, String> awaitAllFinal(Set<String> orderIds) {
    Map<String, String> states = new HashMap<>();
    for (String id : orderIds) {
      await().atMost(FINAL_WAIT).ignoreExceptions().until(() -> {
        String state = api.awaitFinal(id, Duration.ofSeconds(5)).get("state").asText();
        states.put(id, state);
        return Set.of("VALIDATED", "REJECTED", "CANCELLED").contains(state);
      });
    }
    return states;
  }

  private Set<String> cancelSome(Map<String, String> states, int count) {
    Set<String> cancelled = new java.util.HashSet<>();
    for (var entry : states.entrySet()) {
      if (cancelled.size() == count) {
        break;
      }
      if (entry.getValue().equals("VALIDATED")) {
        assertThat(api.cancel(entry.getKey()).status()).isBetween(200, 299);
        cancelled.add(entry.getKey());
      }
    }
    assertThat(cancelled).as("some orders were validated").isNotEmpty();
    for (String id : cancelled) {
      await().atMost(FINAL_WAIT).until(() ->
          api.getOrder(id).body().get("state").asText().equals("CANCELLED"));
    }
    return cancelled;
  }

  void assertInvariants(Map<String, Integer> received, Set<String> orderIds,
                                Set<String> cancelled) {
    Map<String, Long> liveValidatedUnits = new HashMap<>();
    Map<String, Long> everValidatedUnits = new HashMap<>();
    int rejected = 0;
    for (String id : orderIds) {
      JsonNode order = api.getOrder(id).body();
      String state = order.get("state").asText();
      assertThat(state).as("order %s is final", id).isIn("VALIDATED", "REJECTED", "CANCELLED");
      if (state.equals("REJECTED")) {
        rejected++;
        continue;
      }
      for (JsonNode line : order.get("lines")) {
        everValidatedUnits.merge(line.get("sku").asText(), line.get("quantity").asLong(), Long::sum);
        if (state.equals("VALIDATED")) {
          liveValidatedUnits.merge(line.get("sku").asText(), line.get("quantity").asLong(),
              Long::sum);
        }
      }
    }
    assertThat(rejected).as("demand exceeded stock, so some orders were rejected").isPositive();

    for (var sku : received.entrySet()) {
      long live = liveValidatedUnits.getOrDefault(sku.getKey(), 0L);
      await("stock of " + sku.getKey() + " settles").atMost(FINAL_WAIT).untilAsserted(() -> {
        JsonNode level = api.stock(sku.getKey());
        assertThat(level.get("onHand").asLong()).isEqualTo(sku.getValue().longValue());
        assertThat(level.get("reserved").asLong())
            .as("reserved units of %s equal the units of live validated orders", sku.getKey())
            .isEqualTo(live);
      });
      assertThat(everValidatedUnits.getOrDefault(sku.getKey(), 0L))
          .as("validated units of %s never exceed the stock received", sku.getKey())
          .isLessThanOrEqualTo(sku.getValue().longValue());
    }

    Map<String, OrderLog.History> log = OrderLog.read(shop, orderIds);
    for (String id : orderIds) {
      OrderLog.History history = log.get(id);
      assertThat(history).as("order %s has an outcome in the event store", id).isNotNull();
      assertThat(history.count(OrderValidated.class) + history.count(OrderRejected.class))
          .as("order %s is validated or rejected exactly once, never both", id).isEqualTo(1);
    }
    assertThat(cancelled).allSatisfy(id ->
        assertThat(log.get(id).count(OrderValidated.class)).isEqualTo(1));
  }

  static String first(Map<String, Integer> received) {
    return received.keySet().iterator().next();
  }
}
