package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.contracts.OrderIds;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineOrdersTest {

  private final PipelineOrders orders = new PipelineOrders(
      Map.of("A", new BigDecimal("1.50"), "B", new BigDecimal("49.99")));

  @Test
  void writesTheOrderAsTheOrderServiceWould() {
    OrderEvent event = orders.placed("o1", "c1", List.of(new Line("A", 2), new Line("B", 1)),
        "key-1", Instant.parse("2026-11-26T00:00:00.123456Z"));

    assertThat(event.getOrderId()).isEqualTo("o1");
    assertThat(event.getCustomerId()).isEqualTo("c1");
    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00.123Z"));
    OrderPlaced placed = (OrderPlaced) event.getPayload();
    assertThat(placed.getLines()).extracting(line -> line.getSku() + "x" + line.getQuantity()
        + "@" + line.getUnitPrice()).containsExactly("Ax2@1.50", "Bx1@49.99");
    assertThat(placed.getTotal()).isEqualByComparingTo("52.99");
    assertThat(placed.getTotal().scale()).isEqualTo(2);
    assertThat(placed.getIdempotencyKey()).isEqualTo("key-1");
  }

  @Test
  void mintsOrderIdsInTheCustomersPartition() {
    int partitions = Topics.ORDERS.partitions();
    for (String customer : List.of("c1", "c2", "3f2a9d7e-0000-4000-8000-000000000001")) {
      assertThat(OrderIds.partitionOf(orders.mintId(customer), partitions))
          .isEqualTo(OrderIds.partitionOf(customer, partitions));
    }
  }

  @Test
  void refusesAProductItDoesNotKnowThePriceOf() {
    assertThatThrownBy(() -> orders.placed("o1", "c1", List.of(new Line("Z", 1)), "k",
        Instant.now())).hasMessageContaining("Z");
  }
}
