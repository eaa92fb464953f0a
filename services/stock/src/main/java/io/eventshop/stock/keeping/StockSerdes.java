package io.eventshop.stock.keeping;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.stock.StockEvent;
import io.eventshop.contracts.stock.StockLevel;
import io.eventshop.contracts.stock.StockReservation;
import io.eventshop.platform.kafka.ValueSerdes;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** The value serdes of every topic the stock writer reads or writes. */
public final class StockSerdes {

  private final AvroSerde<OrderEvent> orderEvents;
  private final AvroSerde<StockLevel> levels;
  private final AvroSerde<StockReservation> reservations;
  private final Map<Class<?>, AvroSerde<? extends SpecificRecord>> byType;

  public StockSerdes(ValueSerdes serdes) {
    orderEvents = serdes.of(OrderEvent.class);
    levels = serdes.of(StockLevel.class);
    reservations = serdes.of(StockReservation.class);
    byType = Map.of(StockEvent.class, serdes.of(StockEvent.class), StockLevel.class, levels,
        StockReservation.class, reservations, OrderValidation.class,
        serdes.of(OrderValidation.class));
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
