package io.eventshop.launcher.simulate;

import io.eventshop.contracts.analytics.SensorReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Warehouse zones with a temperature and a humidity sensor each. Every value wanders around its
 * zone's set point (a random walk pulled back towards it, as a real room drifts), inside the
 * analytics' default ranges (temperature 2–25 °C, humidity 30–65 %); now and then a sensor breaks
 * out of range for a few readings in a row (a cooling failure at about 30 °C, a leak at about
 * 80 %), which is what the analytics' alerts are for.
 */
final class SensorSimulation {

  /** A zone's set points: where its temperature (°C) and humidity (%) rest. */
  record Zone(String name, double temperature, double humidity) {
  }

  static final List<Zone> ZONES = List.of(
      new Zone("cold-store", 6.0, 50.0),
      new Zone("ambient", 18.0, 45.0),
      new Zone("dry-store", 20.0, 40.0),
      new Zone("loading-dock", 14.0, 55.0));

  /** Where an anomaly drives a temperature and a humidity, and for how many readings. */
  static final double ANOMALY_TEMPERATURE = 30.0;
  static final double ANOMALY_HUMIDITY = 80.0;
  static final int ANOMALY_READINGS = 5;

  private final Random random;
  private final double anomalyChance;
  private final List<Sensor> sensors = new ArrayList<>();
  private int next;

  SensorSimulation(Random random, double anomalyChance) {
    this.random = random;
    this.anomalyChance = anomalyChance;
    for (Zone zone : ZONES) {
      sensors.add(new Sensor(zone, "temperature", "°C", zone.temperature(), 0.3,
          ANOMALY_TEMPERATURE));
      sensors.add(new Sensor(zone, "humidity", "%", zone.humidity(), 0.5, ANOMALY_HUMIDITY));
    }
  }

  /** The next reading, sensors taking turns. */
  SensorReading next(Instant now) {
    Sensor sensor = sensors.get(next);
    next = (next + 1) % sensors.size();
    return sensor.read(now);
  }

  private final class Sensor {

    private final Zone zone;
    private final String kind;
    private final String unit;
    private final double setPoint;
    private final double step;
    private final double anomaly;
    private double value;
    private int anomalyLeft;

    Sensor(Zone zone, String kind, String unit, double setPoint, double step, double anomaly) {
      this.zone = zone;
      this.kind = kind;
      this.unit = unit;
      this.setPoint = setPoint;
      this.step = step;
      this.anomaly = anomaly;
      this.value = setPoint;
    }

    SensorReading read(Instant now) {
      if (anomalyLeft == 0 && random.nextDouble() < anomalyChance) {
        anomalyLeft = ANOMALY_READINGS;
      }
      double reported;
      if (anomalyLeft > 0) {
        anomalyLeft--;
        reported = anomaly + random.nextGaussian() * step;
      } else {
        value += random.nextGaussian() * step + (setPoint - value) * 0.1;
        reported = value;
      }
      return new SensorReading(zone.name() + "-" + kind, kind,
          Math.round(reported * 100) / 100.0, unit, now, zone.name());
    }
  }
}
