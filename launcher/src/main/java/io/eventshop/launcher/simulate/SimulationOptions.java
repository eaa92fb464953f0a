package io.eventshop.launcher.simulate;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.cli.RunDirectory;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every simulation is told: its rate, its bounds, where the shop runs. */
public final class SimulationOptions {

  static final double MAX_RATE = 100_000;

  @Mixin
  RunDirectory directory;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "100",
      description = "Events per second (default: ${DEFAULT-VALUE}; at most 100000).")
  double rate;

  @Option(names = "--duration", paramLabel = "D", defaultValue = "PT1M",
      converter = DurationConverter.class,
      description = "How long to run, e.g. 30s, 10m, 1h (default: 1m; at most 24h).")
  Duration duration;

  @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
      description = "Stop after this many events (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--late-fraction", paramLabel = "F", defaultValue = "0",
      description = "Share of events sent late, their event time 30 s to 5 min in the past"
          + " (0..0.5, default: ${DEFAULT-VALUE}).")
  double lateFraction;

  @Option(names = "--seed", paramLabel = "N",
      description = "Random seed, for a run that can be repeated (default: a new one).")
  Long seed;

  @Option(names = "--kafka", paramLabel = "HOST:PORT[,...]",
      description = "The cluster (default: the run of --data-dir).")
  String kafka;

  /** Refuses values that would make an unbounded or meaningless run, naming the option. */
  void check() {
    if (!(rate > 0 && rate <= MAX_RATE)) {
      throw invalid("--rate must be > 0 and at most " + (long) MAX_RATE + ", not " + rate);
    }
    if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
      throw invalid("--duration must be more than 0 and at most 24h, not " + duration);
    }
    if (events < 1) {
      throw invalid("--events must be at least 1, not " + events);
    }
    if (!(lateFraction >= 0 && lateFraction <= 0.5)) {
      throw invalid("--late-fraction must be 0..0.5, not " + lateFraction);
    }
  }

  static LauncherException invalid(String message) {
    return new LauncherException(message, LauncherException.USAGE);
  }
}
