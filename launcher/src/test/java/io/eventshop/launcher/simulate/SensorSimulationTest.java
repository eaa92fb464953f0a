package io.eventshop.launcher.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.analytics.SensorReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SensorSimulationTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static List<SensorReading> read(double anomalyChance, int count) {
    SensorSimulation simulation = new SensorSimulation(new Random(7), anomalyChance);
    List<SensorReading> readings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      readings.add(simulation.next(NOW));
    }
    return readings;
  }

  @Test
  void everyZoneReportsTemperatureAndHumidityInTurn() {
    List<SensorReading> readings = read(0, 8);

    assertThat(readings).extracting(SensorReading::getSensorId).doesNotHaveDuplicates()
        .hasSize(2 * SensorSimulation.ZONES.size());
    assertThat(readings).extracting(SensorReading::getZone).containsOnly(
        SensorSimulation.ZONES.stream().map(SensorSimulation.Zone::name).toArray(String[]::new));
    assertThat(readings).filteredOn(r -> r.getKind().equals("temperature"))
        .extracting(SensorReading::getUnit).containsOnly("°C");
  }

  @Test
  void withoutAnomaliesValuesDriftInsideTheAnalyticsRanges() {
    List<SensorReading> readings = read(0, 8_000);
    assertThat(readings).filteredOn(r -> r.getKind().equals("temperature"))
        .extracting(SensorReading::getValue).allMatch(value -> value > 2 && value < 25);
    assertThat(readings).filteredOn(r -> r.getKind().equals("humidity"))
        .extracting(SensorReading::getValue).allMatch(value -> value > 30 && value < 65);
    assertThat(readings).filteredOn(r -> r.getSensorId().equals("cold-store-temperature"))
        .extracting(SensorReading::getValue)
        .matches(values -> values.stream().distinct().count() > 100, "they drift");
  }

  @Test
  void anAnomalyKeepsASensorOutOfRangeForSeveralReadingsInARow() {
    List<Double> coldStore = read(0.02, 8_000).stream()
        .filter(r -> r.getSensorId().equals("cold-store-temperature"))
        .map(SensorReading::getValue).toList();

    int longestRun = 0;
    int run = 0;
    for (double value : coldStore) {
      run = value > 25 ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    assertThat(longestRun).isGreaterThanOrEqualTo(3);
  }
}
