package io.eventshop.launcher.simulate;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.serde.CachedSchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.cli.KafkaTarget;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.run.RunFile;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop simulate clickstream|sensors}: streaming sources for the analytics, written
 * straight to Kafka as a collector would, against the running shop. Bounded in count and time,
 * with a progress line every few seconds.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulated streaming sources: visitors browsing the shop, warehouse sensors.",
    subcommands = {SimulateCommand.Clickstream.class, SimulateCommand.Sensors.class})
public final class SimulateCommand implements Runnable {

  @Override
  public void run() {
    throw new LauncherException("say what to simulate: clickstream or sensors (see --help)",
        LauncherException.USAGE);
  }

  /** Visitors browsing the shop; some of them buy. */
  @Command(name = "clickstream", mixinStandardHelpOptions = true,
      description = "Visitors browsing the shop to the clickstream topic; a share of them place"
          + " real orders through the gateway.")
  static final class Clickstream implements Callable<Integer> {

    private static final Duration CHECKOUT_PATIENCE = Duration.ofSeconds(10);

    @Mixin
    private SimulationOptions options;

    @Option(names = "--visitors", paramLabel = "V",
        description = "Visitors browsing at once (default: rate × 5, each acting about every"
            + " 5 s).")
    private Integer visitors;

    @Option(names = "--order-share", paramLabel = "F", defaultValue = "0.05",
        description = "Share of visitors who buy, placing a real order (0..1, default:"
            + " ${DEFAULT-VALUE}).")
    private double orderShare;

    @Override
    public Integer call() throws InterruptedException {
      options.check();
      if (!(orderShare >= 0 && orderShare <= 1)) {
        throw SimulationOptions.invalid("--order-share must be 0..1, not " + orderShare);
      }
      if (visitors != null && visitors < 1) {
        throw SimulationOptions.invalid("--visitors must be at least 1, not " + visitors);
      }
      SimulationTarget target = target(options);
      ShopClient shop = new ShopClient(target.gateway());
      List<String> skus = shop.products().stream().map(ShopClient.Product::sku).toList();
      if (skus.isEmpty()) {
        throw new LauncherException("the catalogue is empty: add products first (the shop's"
            + " admin page, or POST /api/products)", LauncherException.FAILED);
      }
      Random random = random(options);
      Clock clock = Clock.systemUTC();
      int browsing = visitors != null ? visitors : (int) Math.max(1, Math.ceil(options.rate * 5));
      ClickstreamSimulation simulation = new ClickstreamSimulation(random, skus, browsing,
          orderShare, options.lateFraction, Duration.ofSeconds(5),
          (visitor, sku, quantity) -> shop.register(visitor)
              .thenCompose(customer -> shop.order(customer, sku, quantity)),
          clock.instant());
      try (EventSink<ClickEvent> sink = sink(target, Topics.CLICKSTREAM, ClickEvent.class)) {
        Pacer pacer = pacer("clickstream", options, System.out);
        while (pacer.next()) {
          ClickEvent click = simulation.next(clock.instant());
          sink.send(click.getVisitorId(), click, click.getOccurredAt());
          pacer.report(detail(simulation, sink));
        }
        for (ClickEvent click : simulation.finishCheckouts(CHECKOUT_PATIENCE, clock.instant())) {
          sink.send(click.getVisitorId(), click, click.getOccurredAt());
        }
        sink.close();
        pacer.finish(detail(simulation, sink));
        return sink.failed() == 0 ? 0 : LauncherException.FAILED;
      }
    }

    private static String detail(ClickstreamSimulation simulation, EventSink<?> sink) {
      return simulation.ordersPlaced() + " orders placed (" + simulation.ordersFailed()
          + " refused), " + simulation.late() + " sent late, " + sink.failures();
    }
  }

  /** Warehouse zones reporting temperature and humidity. */
  @Command(name = "sensors", mixinStandardHelpOptions = true,
      description = "Warehouse sensors (temperature, humidity per zone) to sensor-readings,"
          + " with drift and occasional anomalies.")
  static final class Sensors implements Callable<Integer> {

    @Mixin
    private SimulationOptions options;

    @Option(names = "--anomaly-chance", paramLabel = "P", defaultValue = "0.01",
        description = "Chance per reading that a sensor breaks out of range for a few readings"
            + " (0..1, default: ${DEFAULT-VALUE}).")
    private double anomalyChance;

    @Override
    public Integer call() throws InterruptedException {
      options.check();
      if (!(anomalyChance >= 0 && anomalyChance <= 1)) {
        throw SimulationOptions.invalid("--anomaly-chance must be 0..1, not " + anomalyChance);
      }
      SimulationTarget target = target(options);
      Random random = random(options);
      SensorSimulation simulation = new SensorSimulation(random, anomalyChance);
      Clock clock = Clock.systemUTC();
      long late = 0;
      try (EventSink<SensorReading> sink = sink(target, Topics.SENSOR_READINGS,
          SensorReading.class)) {
        Pacer pacer = pacer("sensors", options, System.out);
        while (pacer.next()) {
          SensorReading reading = simulation.next(clock.instant());
          if (random.nextDouble() < options.lateFraction) {
            late++;
            reading.setReadAt(reading.getReadAt().minus(ClickstreamSimulation.LATE_AT_LEAST));
          }
          sink.send(reading.getSensorId(), reading, reading.getReadAt());
          pacer.report(late + " sent late, " + sink.failures());
        }
        sink.close();
        pacer.finish(late + " sent late, " + sink.failures());
        return sink.failed() == 0 ? 0 : LauncherException.FAILED;
      }
    }
  }

  private static SimulationTarget target(SimulationOptions options) {
    RunFile.Run run = new RunFile(options.directory.dataDir()).read().orElseThrow(() ->
        new LauncherException("no shop runs from " + options.directory.dataDir()
            + ": start it with ./eventshop up", LauncherException.FAILED));
    KafkaConnection kafka = KafkaTarget.resolve(options.kafka, null, Optional.of(run),
        System.getenv());
    for (String server : kafka.bootstrapServers().split(",")) {
      String host = server.trim().replaceFirst(":\\d+$", "");
      if (!SimulationTarget.isLoopback(host)) {
        throw new LauncherException("simulated traffic goes to this machine only, and Kafka is at "
            + kafka.bootstrapServers(), LauncherException.USAGE);
      }
    }
    return SimulationTarget.of(run, kafka);
  }

  private static <T extends SpecificRecord> EventSink<T> sink(SimulationTarget target,
                                                              TopicSpec topic, Class<T> type) {
    String registry = target.registry().toString();
    return new EventSink<>(topic, type, target.kafka().clientConfig(),
        new CachedSchemaRegistryClient(registry), new SerdeConfig(registry, true, false));
  }

  private static Pacer pacer(String name, SimulationOptions options, PrintStream out) {
    return new Pacer(name, options.rate, options.events, options.duration, System::nanoTime, out);
  }

  private static Random random(SimulationOptions options) {
    return options.seed == null ? new Random() : new Random(options.seed);
  }
}
