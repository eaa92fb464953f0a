package io.eventshop.analytics.streams;

import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.order.OrderEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is when the event happened, as the event says, not when Kafka received it: a click
 * sent late by a browser, or a reading buffered by a sensor, still counts in the minute it
 * happened. An enriched order counts at its placement, whichever of its events it stands for, so
 * that a cancellation takes its revenue off the minute that counted it.
 */
public final class EventTime implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Object value = record.value();
    if (value instanceof ClickEvent click) {
      return click.getOccurredAt().toEpochMilli();
    }
    if (value instanceof SensorReading reading) {
      return reading.getReadAt().toEpochMilli();
    }
    if (value instanceof OrderEvent order) {
      return order.getOccurredAt().toEpochMilli();
    }
    if (value instanceof EnrichedOrder order) {
      return order.getPlacedAt().toEpochMilli();
    }
    return record.timestamp();
  }
}
