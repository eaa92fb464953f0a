package io.eventshop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.contracts.TopicSpec.CleanupPolicy;
import io.eventshop.contracts.TopicSpec.Kind;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyTopicNameIsDeclaredOnce() {
    Set<String> names = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
    assertThat(names).hasSameSizeAs(Topics.all());
  }

  @Test
  void stateStreamsAreCompactedAndEventStreamsKeepHistory() {
    assertThat(Topics.all()).filteredOn(t -> t.kind() == Kind.STATE_STREAM)
        .extracting(TopicSpec::name)
        .containsExactlyInAnyOrder("customers", "legacy-customers", "products", "stock-levels",
            "stock-reservations");
    assertThat(Topics.all()).filteredOn(t -> t.kind() == Kind.STATE_STREAM)
        .allMatch(t -> t.configs(1).get("cleanup.policy").equals("compact"));
    assertThat(Topics.all()).filteredOn(t -> t.kind() == Kind.EVENT_STREAM)
        .allMatch(t -> t.cleanupPolicy() == CleanupPolicy.DELETE);
    assertThat(Topics.ORDERS.configs(1)).containsEntry("retention.ms", "-1");
    assertThat(Topics.CLICKSTREAM.configs(1)).containsEntry("retention.bytes",
        Long.toString(1L << 30));
  }

  @Test
  void everyBusinessTopicHasADeadLetterTopic() {
    for (TopicSpec topic : Topics.business()) {
      assertThat(Topics.byName(topic.name() + ".dlq")).get()
          .extracting(TopicSpec::kind).isEqualTo(Kind.DEAD_LETTER);
    }
  }

  @Test
  void everyBusinessTopicHasAnAvroValueSchemaNamedLikeItsValueType() {
    for (TopicSpec topic : Topics.business()) {
      assertThat(topic.hasAvroValues()).as(topic.name()).isTrue();
      assertThat(topic.valueSchema().getName()).as(topic.name()).isEqualTo(topic.valueType());
      assertThat(topic.valueSubject()).isEqualTo(topic.name() + "-value");
    }
  }

  @Test
  void deadLetterAndInfrastructureTopicsHaveNoAvroValueSchema() {
    assertThat(Topics.all()).filteredOn(t -> !Topics.business().contains(t))
        .noneMatch(TopicSpec::hasAvroValues);
    assertThatThrownBy(() -> Topics.deadLetterOf(Topics.ORDERS).valueSchema())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("orders.dlq");
  }

  @Test
  void stockReservationsAreKeyedByOrderIdAndCoPartitionedWithOrders() {
    assertThat(Topics.STOCK_RESERVATIONS.name()).isEqualTo("stock-reservations");
    assertThat(Topics.STOCK_RESERVATIONS.keyType()).isEqualTo("order id");
    assertThat(Topics.STOCK_RESERVATIONS.partitions()).isEqualTo(Topics.ORDERS.partitions());
  }

  @Test
  void replicationIsCappedToTheBrokersOfTheCluster() {
    assertThat(Topics.ORDERS.replicationFactorFor(1)).isEqualTo((short) 1);
    assertThat(Topics.ORDERS.configs(1)).containsEntry("min.insync.replicas", "1");
    assertThat(Topics.ORDERS.replicationFactorFor(5)).isEqualTo((short) 3);
    assertThat(Topics.ORDERS.configs(5)).containsEntry("min.insync.replicas", "2");
  }
}
