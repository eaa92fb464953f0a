package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.SensorAlert;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.analytics.ZoneReadings;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Warehouse sensors per zone and kind of reading (readings come keyed by sensor; one
 * repartition by {@code <zone>/<kind>}):
 * <ul>
 *   <li>min / avg / max per minute → {@code sensor-readings-per-minute}, updated as readings
 *       arrive;</li>
 *   <li>an alert when {@code out-of-range-in-a-row} readings in a row are outside the kind's
 *       allowed range → {@code sensor-alerts} ({@link OutOfRangeWatch}).</li>
 * </ul>
 */
public final class ZoneSensors {

  /** {@code <zone>/<kind>} → readings, per minute. */
  public static final String PER_MINUTE_STORE = "sensor-readings-per-minute";
  /** {@code <zone>/<kind>} → the current run of readings out of range. */
  public static final String OUT_OF_RANGE_STORE = "sensor-out-of-range";

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private ZoneSensors() {
  }

  public static void build(StreamsBuilder builder, KStream<String, SensorReading> readings,
                           AvroSerdes serdes, AnalyticsSettings settings) {
    Serde<SensorReading> readingSerde = serdes.of(SensorReading.class);
    Serde<ZoneReadings> zoneReadings = serdes.of(ZoneReadings.class);
    Serde<SensorAlert> alerts = serdes.of(SensorAlert.class);
    KStream<String, SensorReading> byZone = readings
        .filter((sensor, reading) -> reading != null, Named.as("readings"))
        .selectKey((sensor, reading) -> zoneKey(reading), Named.as("key-reading-by-zone"))
        .repartition(Repartitioned.with(Serdes.String(), readingSerde)
            .withName("readings-by-zone"));

    byZone
        .groupByKey(Grouped.with(Serdes.String(), readingSerde))
        .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, settings.grace()))
        .aggregate(ZoneSensors::noReadings, (zone, reading, stats) -> withReading(stats, reading),
            Named.as("zone-readings"), Materialized
                .<String, ZoneReadings, WindowStore<Bytes, byte[]>>as(PER_MINUTE_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(zoneReadings)
                .withStoreType(CheckpointedStores.ROCKS_DB))
        .toStream(Named.as("zone-readings-per-minute"))
        .map((window, stats) -> KeyValue.pair(AnalyticsTopology.windowKey(window),
            ZoneReadings.newBuilder(stats).setWindowStart(window.window().startTime())
                .setWindowEnd(window.window().endTime()).build()),
            Named.as("zone-readings-records"))
        .to(Topics.SENSOR_READINGS_PER_MINUTE.name(), Produced.with(Serdes.String(), zoneReadings));

    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(OUT_OF_RANGE_STORE), Serdes.String(), alerts));
    byZone
        .processValues(() -> new OutOfRangeWatch(settings.sensorRanges(),
            settings.outOfRangeInARow()), Named.as("out-of-range-watch"), OUT_OF_RANGE_STORE)
        .to(Topics.SENSOR_ALERTS.name(), Produced.with(Serdes.String(), alerts));
  }

  /** {@code <zone>/<kind>} of a reading. */
  public static String zoneKey(SensorReading reading) {
    return zoneKey(zoneOf(reading), reading.getKind());
  }

  /** The reading's zone; a sensor without a zone is a zone of its own. */
  static String zoneOf(SensorReading reading) {
    return reading.getZone() == null ? reading.getSensorId() : reading.getZone();
  }

  /** {@code <zone>/<kind>}: the key of a zone's readings of one kind. */
  public static String zoneKey(String zone, String kind) {
    return zone + "/" + kind;
  }

  private static ZoneReadings noReadings() {
    return new ZoneReadings("", "", "", Instant.EPOCH, Instant.EPOCH, 0L,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, 0.0);
  }

  private static ZoneReadings withReading(ZoneReadings stats, SensorReading reading) {
    long count = stats.getReadings() + 1;
    double sum = stats.getSum() + reading.getValue();
    return ZoneReadings.newBuilder(stats)
        .setZone(zoneOf(reading))
        .setKind(reading.getKind())
        .setUnit(reading.getUnit())
        .setReadings(count)
        .setMin(Math.min(stats.getMin(), reading.getValue()))
        .setMax(Math.max(stats.getMax(), reading.getValue()))
        .setSum(sum)
        .setAvg(sum / count)
        .build();
  }
}
