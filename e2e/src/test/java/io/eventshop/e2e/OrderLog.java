package io.eventshop.e2e;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The committed history of the {@code orders} topic, read back from the broker with a plain
 * consumer: the event store as an auditor sees it, independent of any service's state.
 */
public final class OrderLog {

  /** The outcome events of one order, in the order they were written. */
  public record History(List<Object> outcomes) {

    public long count(Class<?> type) {
      return outcomes.stream().filter(type::isInstance).count();
    }
  }

  private OrderLog() {
  }

  /** Reads {@code orders} to its current end and groups the outcome events by order id. */
  public static Map<String, History> read(RunningShop shop, Set<String> orderIds) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "e2e-audit-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    AvroSerde<OrderEvent> serde = AvroSerde.forValues(OrderEvent.class,
        new SerdeConfig(shop.registryUrl(), false, false));
    Map<String, History> histories = new HashMap<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        serde.deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!reachedEnd(consumer, end.entrySet()) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          OrderEvent event = record.value();
          if (orderIds.contains(event.getOrderId()) && isOutcome(event.getPayload())) {
            histories.computeIfAbsent(event.getOrderId(), id -> new History(new ArrayList<>()))
                .outcomes().add(event.getPayload());
          }
        });
      }
    }
    return histories;
  }

  private static boolean isOutcome(Object payload) {
    return payload instanceof OrderValidated || payload instanceof OrderRejected
        || payload instanceof OrderCancelled;
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer,
                                    Collection<Map.Entry<TopicPartition, Long>> end) {
    return end.stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
