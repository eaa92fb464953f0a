package io.eventshop.order.streams;

import io.eventshop.order.domain.Order;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aggregator's state of an order in its store and changelog, as JSON: private to this service
 * (never a contract), so it may change with the domain record.
 */
public final class OrderStateSerde implements Serde<Order> {

  // Derived values (isPlaced) are written too and ignored when read back.
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  @Override
  public Serializer<Order> serializer() {
    return (topic, order) -> order == null ? null : JSON.writeValueAsBytes(order);
  }

  @Override
  public Deserializer<Order> deserializer() {
    return (topic, bytes) -> bytes == null ? null : JSON.readValue(bytes, Order.class);
  }
}
