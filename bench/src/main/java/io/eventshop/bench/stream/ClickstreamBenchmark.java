package io.eventshop.bench.stream;

import io.eventshop.bench.load.LatencySummary;
import io.eventshop.bench.load.ProcessUsage;
import io.eventshop.bench.load.ShopEndpoints;
import io.eventshop.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The stream analytics under load, against a running shop: {@code ./eventshop simulate
 * clickstream} is the load (visitors' clicks written to {@code clickstream} at a fixed rate), and
 * this measures what the analytics service makes of it, per rate:
 *
 * <ul>
 *   <li><b>processed</b>: events/s the analytics app commits on {@code clickstream} (its consumer
 *       group's offsets), from the first click to the moment it has caught up;</li>
 *   <li><b>lag</b>: the group's lag on {@code clickstream}, sampled every second (max, and the
 *       series every 5 s);</li>
 *   <li><b>click → windowed result</b>: a read_committed consumer of
 *       {@code category-activity-per-minute} (a tumbling window updated by every product view,
 *       not suppressed) measures, for each result, its arrival minus the event time of the click
 *       that updated it (Kafka Streams stamps a result with it); p50/p99;</li>
 *   <li><b>CPU per 1,000 events</b>: the analytics JVM's CPU time over the phase, per 1,000
 *       events processed.</li>
 * </ul>
 */
@Command(name = "clickstream-bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Clickstream at fixed rates -> analytics: events/s, lag, click-to-result"
        + " latency, CPU per 1,000 events.")
public final class ClickstreamBenchmark implements Callable<Integer> {

  private static final Duration DRAIN = Duration.ofSeconds(120);
  private static final String RESULTS = Topics.CATEGORY_ACTIVITY_PER_MINUTE.name();

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The data dir of a running `./eventshop up` (its run.json).")
  private Path dataDir;

  @Option(names = "--rates", split = ",", defaultValue = "1000,10000",
      description = "Clicks per second, one phase each (default ${DEFAULT-VALUE}).")
  private List<Integer> rates;

  @Option(names = "--duration", defaultValue = "60", description = "Seconds per phase (default"
      + " ${DEFAULT-VALUE}).")
  private int durationSeconds;

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${sys:eventshop.home:-.}",
      description = "The repository root, for ./eventshop simulate.")
  private Path home;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ClickstreamBenchmark()).execute(args));
  }

  /** What one phase measured. */
  record Phase(int rate, double producedPerSecond, double processedPerSecond,
               long maxLag, List<Long> lagEvery5s, LatencySummary clickToResult,
               double cpuMsPer1000) {
  }

  @Override
  public Integer call() throws Exception {
    ShopEndpoints shop = ShopEndpoints.fromRunFile(dataDir.toAbsolutePath());
    Long analyticsPid = shop.pids().get("analytics");
    if (shop.bootstrapServers() == null || analyticsPid == null) {
      System.err.println("clickstream-bench: the run has no kafka or no analytics component");
      return 2;
    }
    List<Phase> phases = new ArrayList<>();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        shop.bootstrapServers()))) {
      for (int rate : rates) {
        phases.add(phase(admin, shop.bootstrapServers(), analyticsPid, rate));
      }
    }
    System.out.println();
    System.out.println("rate/s  produced/s  processed/s  max lag  p50 ms   p99 ms   CPU ms/1000");
    for (Phase p : phases) {
      System.out.printf("%6d  %10.0f  %11.0f  %7d  %7.1f  %7.1f  %11.1f%n", p.rate(),
          p.producedPerSecond(), p.processedPerSecond(), p.maxLag(), p.clickToResult().p50Ms(),
          p.clickToResult().p99Ms(), p.cpuMsPer1000());
      System.out.println("        lag every 5 s: " + p.lagEvery5s());
    }
    return 0;
  }

  private Phase phase(Admin admin, String bootstrap, long analyticsPid, int rate)
      throws Exception {
    System.out.printf("phase: %d clicks/s for %d s%n", rate, durationSeconds);
    List<TopicPartition> clicks = partitionsOf(admin, Topics.CLICKSTREAM.name());
    long endBefore = sum(ends(admin, clicks));
    long committedBefore = sum(committed(admin, clicks));
    double cpuBefore = cpuSeconds(analyticsPid);
    Histogram latency = LatencySummary.newHistogram();
    AtomicBoolean measuring = new AtomicBoolean(true);
    long start = System.currentTimeMillis();
    Thread results = resultReader(bootstrap, start, latency, measuring);

    Path simulatorLog = Files.createTempFile("clickstream-simulator", ".log");
    ProcessBuilder simulate = new ProcessBuilder(home.resolve("eventshop").toString(), "simulate",
        "clickstream", "--rate", Integer.toString(rate), "--duration", durationSeconds + "s",
        "--events", Long.toString((long) rate * durationSeconds), "--order-share", "0",
        "--data-dir", dataDir.toString())
        .redirectErrorStream(true).redirectOutput(simulatorLog.toFile());
    simulate.environment().put("EVENTSHOP_NO_BUILD", "1");
    Process simulator = simulate.start();
    List<Long> lags = new ArrayList<>();
    long maxLag = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds)
        + DRAIN.toNanos();
    long caughtUpAt = -1;
    for (int second = 0; System.nanoTime() < deadline; second++) {
      TimeUnit.SECONDS.sleep(1);
      long lag = sum(ends(admin, clicks)) - sum(committed(admin, clicks));
      maxLag = Math.max(maxLag, lag);
      if (second % 5 == 4) {
        lags.add(lag);
      }
      if (!simulator.isAlive() && lag == 0) {
        caughtUpAt = System.currentTimeMillis();
        break;
      }
    }
    int exit = simulator.waitFor();
    measuring.set(false);
    results.join();
    if (exit != 0) {
      // e.g. an empty catalogue: a phase with no load would print zeros as if measured
      throw new IllegalStateException("the simulator exited " + exit + ": "
          + String.join(" | ", Files.readAllLines(simulatorLog)));
    }
    Files.delete(simulatorLog);
    long produced = sum(ends(admin, clicks)) - endBefore;
    long processed = sum(committed(admin, clicks)) - committedBefore;
    long end = caughtUpAt > 0 ? caughtUpAt : System.currentTimeMillis();
    double cpuMs = (cpuSeconds(analyticsPid) - cpuBefore) * 1000;
    return new Phase(rate, produced / (double) durationSeconds,
        processed / ((end - start) / 1000.0), maxLag, lags, LatencySummary.of(latency),
        processed == 0 ? 0 : cpuMs / processed * 1000);
  }

  /** Notes for each result of the phase its arrival minus the click's event time. */
  private static Thread resultReader(String bootstrap, long phaseStart, Histogram latency,
                                     AtomicBoolean measuring) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(RESULTS).stream()
        .map(p -> new TopicPartition(RESULTS, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    Thread reader = new Thread(() -> {
      try (consumer) {
        while (measuring.get()) {
          for (ConsumerRecord<byte[], byte[]> result : consumer.poll(Duration.ofMillis(100))) {
            long now = System.currentTimeMillis();
            if (result.timestamp() >= phaseStart && now >= result.timestamp()) {
              latency.recordValue(TimeUnit.MILLISECONDS.toMicros(now - result.timestamp()));
            }
          }
        }
      }
    }, "results-reader");
    reader.start();
    return reader;
  }

  private static List<TopicPartition> partitionsOf(Admin admin, String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
        .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private static List<Long> ends(Admin admin, List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get().values().stream()
        .map(info -> info.offset()).toList();
  }

  /** The analytics app's committed offsets (its group is its application id, analytics). */
  private static List<Long> committed(Admin admin, List<TopicPartition> partitions)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin
        .listConsumerGroupOffsets("analytics").partitionsToOffsetAndMetadata().get();
    return partitions.stream().map(p -> offsets.get(p) == null ? 0L : offsets.get(p).offset())
        .toList();
  }

  private static long sum(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sum();
  }

  private static double cpuSeconds(long pid) {
    return ProcessUsage.of("analytics", pid).map(ProcessUsage::cpuSeconds).orElse(0.0);
  }
}
