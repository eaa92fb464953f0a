package io.eventshop.e2e;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.kafka.TopicTail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;

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
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    AvroSerde<OrderEvent> serde = AvroSerde.forValues(OrderEvent.class,
        new SerdeConfig(shop.registryUrl(), false, false));
    Map<String, History> histories = new HashMap<>();
    TopicTail.readToEnd(config, List.of(Topics.ORDERS.name()), record -> {
      OrderEvent event = serde.deserializer().deserialize(record.topic(), record.value());
      if (orderIds.contains(event.getOrderId()) && isOutcome(event.getPayload())) {
        histories.computeIfAbsent(event.getOrderId(), id -> new History(new ArrayList<>()))
            .outcomes().add(event.getPayload());
      }
    });
    return histories;
  }

  private static boolean isOutcome(Object payload) {
    return payload instanceof OrderValidated || payload instanceof OrderRejected
        || payload instanceof OrderCancelled;
  }
}
