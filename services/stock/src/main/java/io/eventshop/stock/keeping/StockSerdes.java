package io.eventshop.stock.keeping;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.contracts.stock.StockEvent;
import io.eventshop.contracts.stock.StockLevel;
import io.eventshop.contracts.stock.StockReservation;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** The value serdes of every topic the stock writer reads or writes. */
public final class StockSerdes {

  private final AvroSerde<OrderEvent> orderEvents;
  private final AvroSerde<StockLevel> levels;
  private final AvroSerde<StockReservation> reservations;
  private final Map<Class<?>, AvroSerde<? extends SpecificRecord>> byType;

  public StockSerdes(SerdeConfig config, SchemaRegistryClient registry) {
    orderEvents = AvroSerde.forValues(OrderEvent.class, config, registry);
    levels = AvroSerde.forValues(StockLevel.class, config, registry);
    reservations = AvroSerde.forValues(StockReservation.class, config, registry);
    byType = Map.of(StockEvent.class, AvroSerde.forValues(StockEvent.class, config, registry),
        StockLevel.class, levels, StockReservation.class, reservations,
        OrderValidation.class, AvroSerde.forValues(OrderValidation.class, config, registry));
  }

  public OrderEvent orderEvent(String topic, byte[] value) {
    return orderEvents.deserialize(topic, value);
  }

  public StockLevel level(String topic, byte[] value) {
    return levels.deserialize(topic, value);
  }

  public StockReservation reservation(String topic, byte[] value) {
    return reservations.deserialize(topic, value);
  }

  /** The bytes of an outgoing value ({@code null} stays a tombstone). */
  @SuppressWarnings("unchecked")
  public byte[] serialize(TopicSpec topic, SpecificRecord value) {
    if (value == null) {
      return null;
    }
    AvroSerde<SpecificRecord> serde = (AvroSerde<SpecificRecord>) byType.get(value.getClass());
    if (serde == null) {
      throw new IllegalArgumentException("no serde for " + value.getClass().getName());
    }
    return serde.serialize(topic.name(), value);
  }
}
