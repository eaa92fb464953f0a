package io.eventshop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

  private final OrderIds orderIds = new OrderIds();

  @RepeatedTest(20)
  void mintsOrderIdsInTheCustomersPartition() {
    String customerId = java.util.UUID.randomUUID().toString();
    String orderId = orderIds.mintFor(customerId);
    int partitions = Topics.ORDERS.partitions();
    assertThat(OrderIds.partitionOf(orderId, partitions))
        .isEqualTo(OrderIds.partitionOf(customerId, partitions));
  }

  @Test
  void computesThePartitionAsKafkasProducerDoes() {
    for (String key : new String[] {"c-1", "alice", "0f8fad5b-d9cb-469f-a165-70867728950e"}) {
      byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(OrderIds.partitionOf(key, 6))
          .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, 6));
    }
  }
}
