package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BacklogTest {

  private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
  private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);

  @Test
  void aGroupAtTheEndOfEveryPartitionHasNoBacklog() {
    assertThat(Backlog.lagBeyondMarkers(Map.of(ORDERS_0, 40L, ORDERS_1, 7L),
        Map.of(ORDERS_0, new OffsetAndMetadata(40), ORDERS_1, new OffsetAndMetadata(7))))
        .isZero();
  }

  @Test
  void theOneOffsetOfATransactionMarkerAfterTheCommitIsNoBacklog() {
    assertThat(Backlog.lagBeyondMarkers(Map.of(ORDERS_0, 41L),
        Map.of(ORDERS_0, new OffsetAndMetadata(40)))).isZero();
  }

  @Test
  void recordsBeyondTheMarkerAllowanceAreBacklogSummedOverPartitions() {
    assertThat(Backlog.lagBeyondMarkers(Map.of(ORDERS_0, 50L, ORDERS_1, 10L),
        Map.of(ORDERS_0, new OffsetAndMetadata(40), ORDERS_1, new OffsetAndMetadata(7))))
        .isEqualTo(9 + 2);
  }

  @Test
  void aPartitionWhoseEndIsUnknownCountsNothing() {
    assertThat(Backlog.lagBeyondMarkers(Map.of(),
        Map.of(ORDERS_0, new OffsetAndMetadata(40)))).isZero();
  }
}
