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
  void withoutAnomaliesValuesDriftCloseToTheirSetPoint() {
    assertThat(read(0, 8_000)).filteredOn(r -> r.getZone().equals("freezer")
            && r.getKind().equals("temperature"))
        .extracting(SensorReading::getValue)
        .allMatch(value -> Math.abs(value + 20.0) < 5.0)
        .matches(values -> values.stream().distinct().count() > 100, "they drift");
  }

  @Test
  void anAnomalyKeepsASensorOutOfRangeForSeveralReadingsInARow() {
    List<Double> freezer = read(0.02, 8_000).stream()
        .filter(r -> r.getSensorId().equals("freezer-temperature"))
        .map(SensorReading::getValue).toList();

    int longestRun = 0;
    int run = 0;
    for (double value : freezer) {
      run = value > -20.0 + SensorSimulation.ANOMALY_OFFSET / 2 ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    assertThat(longestRun).isGreaterThanOrEqualTo(3);
  }
}
