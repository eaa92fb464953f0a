package io.eventshop.analytics.streams;

import static io.eventshop.analytics.streams.AnalyticsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.SensorAlert;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.analytics.ZoneReadings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoneSensorsTest {

  private static final String COLD_ROOM = "cold-room/temperature@2026-01-01T10:00:00Z";

  private AnalyticsDriver analytics;
  private TestInputTopic<String, SensorReading> readings;
  private TestOutputTopic<String, ZoneReadings> perMinute;
  private TestOutputTopic<String, SensorAlert> alerts;

  @BeforeEach
  void start() {
    analytics = new AnalyticsDriver();
    readings = analytics.input(Topics.SENSOR_READINGS, SensorReading.class);
    perMinute = analytics.output(Topics.SENSOR_READINGS_PER_MINUTE, ZoneReadings.class);
    alerts = analytics.output(Topics.SENSOR_ALERTS, SensorAlert.class);
  }

  @AfterEach
  void close() {
    analytics.close();
  }

  @Test
  void summarisesEachZoneAndKindPerMinuteOverAllItsSensors() {
    read("s1", "cold-room", "temperature", 4.0, 5);
    read("s2", "cold-room", "temperature", 7.0, 10);
    read("s1", "cold-room", "temperature", 5.5, 20);
    read("s3", "dock", "temperature", 15.0, 25);
    read("s1", "cold-room", "humidity", 50.0, 30);
    read("s1", "cold-room", "temperature", 9.0, 65);

    Map<String, ZoneReadings> latest = AnalyticsDriver.latest(perMinute);
    ZoneReadings coldRoom = latest.get(COLD_ROOM);
    assertThat(coldRoom.getReadings()).isEqualTo(3);
    assertThat(coldRoom.getMin()).isEqualTo(4.0);
    assertThat(coldRoom.getMax()).isEqualTo(7.0);
    assertThat(coldRoom.getAvg()).isEqualTo(5.5);
    assertThat(coldRoom.getUnit()).isEqualTo("°C");
    assertThat(latest).containsKeys("dock/temperature@2026-01-01T10:00:00Z",
        "cold-room/humidity@2026-01-01T10:00:00Z",
        "cold-room/temperature@2026-01-01T10:01:00Z");
  }

  @Test
  void aLateReadingCountsWithinTheGracePeriodAndNotAfterIt() {
    read("s1", "cold-room", "temperature", 4.0, 5);
    read("s1", "cold-room", "temperature", 5.0, 80);
    read("s2", "cold-room", "temperature", 8.0, 50);
    assertThat(AnalyticsDriver.latest(perMinute).get(COLD_ROOM).getMax()).isEqualTo(8.0);

    read("s1", "cold-room", "temperature", 5.0, 95);
    read("s2", "cold-room", "temperature", 1.0, 55);

    assertThat(AnalyticsDriver.latest(perMinute)).doesNotContainKey(COLD_ROOM);
  }

  @Test
  void aSensorWithoutAZoneIsAZoneOfItsOwn() {
    readings.pipeInput("s7", new SensorReading("s7", "temperature", 4.0, "°C", T0, null));

    assertThat(AnalyticsDriver.latest(perMinute))
        .containsOnlyKeys("s7/temperature@2026-01-01T10:00:00Z");
  }

  @Test
  void raisesOneAlertWhenAZoneStaysOutOfRangeForThreeReadingsInARow() {
    read("s1", "cold-room", "temperature", 26.0, 0);
    read("s2", "cold-room", "temperature", 27.0, 10);
    read("s1", "cold-room", "temperature", 20.0, 20);
    read("s1", "cold-room", "temperature", 26.0, 30);
    read("s2", "cold-room", "temperature", 1.5, 40);
    assertThat(alerts.isEmpty()).as("the reading in range ended the first run").isTrue();

    read("s1", "cold-room", "temperature", 28.0, 50);
    read("s1", "cold-room", "temperature", 29.0, 60);

    List<SensorAlert> raised = alerts.readValuesToList();
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).getZone()).isEqualTo("cold-room");
    assertThat(raised.get(0).getValues()).containsExactly(26.0, 1.5, 28.0);
    assertThat(raised.get(0).getLow()).isEqualTo(2.0);
    assertThat(raised.get(0).getHigh()).isEqualTo(25.0);
    assertThat(raised.get(0).getFirstAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(raised.get(0).getRaisedAt()).isEqualTo(T0.plusSeconds(50));

    read("s1", "cold-room", "temperature", 30.0, 70);
    assertThat(alerts.isEmpty()).as("still the same run").isTrue();

    read("s1", "cold-room", "temperature", 20.0, 80);
    read("s1", "cold-room", "temperature", 30.0, 90);
    read("s1", "cold-room", "temperature", 30.0, 100);
    read("s1", "cold-room", "temperature", 30.0, 110);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void readingsOfOtherZonesOrKindsDoNotCountTowardsARun() {
    read("s1", "cold-room", "temperature", 26.0, 0);
    read("s3", "dock", "temperature", 26.0, 10);
    read("s1", "cold-room", "humidity", 90.0, 20);
    read("s1", "cold-room", "temperature", 26.0, 30);
    read("s1", "cold-room", "pressure", 1e6, 40);

    assertThat(alerts.isEmpty()).isTrue();
  }

  private void read(String sensor, String zone, String kind, double value, int secondsAfterT0) {
    readings.pipeInput(sensor, new SensorReading(sensor, kind, value,
        kind.equals("temperature") ? "°C" : "%", T0.plusSeconds(secondsAfterT0), zone));
  }
}
