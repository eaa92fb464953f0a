package io.eventshop.analytics.streams;

import io.eventshop.analytics.domain.AllowedRange;
import io.eventshop.contracts.analytics.SensorAlert;
import io.eventshop.contracts.analytics.SensorReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches the readings of one zone and kind, in the order they arrive, for a run of readings out
 * of range: the run is kept (as the alert it would become) until a reading in range ends it, and
 * the alert is forwarded once, when the run reaches {@code inARow} readings. A zone that stays
 * out of range raises no second alert until it has been back in range.
 */
final class OutOfRangeWatch implements FixedKeyProcessor<String, SensorReading, SensorAlert> {

  private final Map<String, AllowedRange> ranges;
  private final int inARow;
  private FixedKeyProcessorContext<String, SensorAlert> context;
  private KeyValueStore<String, SensorAlert> runs;

  OutOfRangeWatch(Map<String, AllowedRange> ranges, int inARow) {
    this.ranges = ranges;
    this.inARow = inARow;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, SensorAlert> context) {
    this.context = context;
    runs = context.getStateStore(ZoneSensors.OUT_OF_RANGE_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, SensorReading> record) {
    SensorReading reading = record.value();
    AllowedRange range = ranges.get(reading.getKind());
    if (range == null) {
      return;
    }
    SensorAlert run = runs.get(record.key());
    if (range.contains(reading.getValue())) {
      if (run != null) {
        runs.delete(record.key());
      }
      return;
    }
    if (run != null && run.getValues().size() >= inARow) {
      return;
    }
    List<Double> values = new ArrayList<>(run == null ? List.of() : run.getValues());
    values.add(reading.getValue());
    SensorAlert next = new SensorAlert(ZoneSensors.zoneOf(reading), reading.getKind(),
        reading.getUnit(), range.low(), range.high(), values,
        run == null ? reading.getReadAt() : run.getFirstAt(), reading.getReadAt());
    runs.put(record.key(), next);
    if (values.size() == inARow) {
      context.forward(record.withValue(next));
    }
  }
}
