package io.eventshop.bench.load;

import io.eventshop.bench.load.BenchResult.Machine;
import io.eventshop.bench.load.BenchResult.Pipeline;
import io.eventshop.bench.load.OrderTrips.Trip;
import io.eventshop.bench.load.ShopApi.Line;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark run against a running shop: seed, warm up, closed-loop and open-loop phases,
 * correctness checks, Kafka's own limit on the same broker, CPU and memory of every process.
 * Usable as a library (an end-to-end test calls {@link #run} with {@link BenchOptions#smoke()}
 * against the shop it started); {@link BenchMain} is the command line.
 */
public final class Bench {

  /** The fraud rule's one-minute window, with a margin for clock differences. */
  static final Duration FRAUD_WINDOW = Duration.ofSeconds(70);
  private static final Duration ORDER_PATH_TIMEOUT = Duration.ofMinutes(2);
  private static final int WARMUP_CLIENTS = 8;
  /** How long the benchmark waits for the shop's backlog after a phase before it goes on. */
  private static final Duration BACKLOG_TIMEOUT = Duration.ofMinutes(2);

  private final BenchOptions options;
  private final ShopEndpoints shop;
  private final PrintStream out;
  private final List<BacklogDrain> drains = new ArrayList<>();
  private Backlog backlog;

  private Bench(BenchOptions options, ShopEndpoints shop, PrintStream out) {
    this.options = options;
    this.shop = shop;
    this.out = out;
  }

  /** Runs the benchmark; the result says whether the correctness checks passed. */
  public static BenchResult run(BenchOptions options, ShopEndpoints shop, PrintStream out) {
    return new Bench(options, shop, out).run();
  }

  /**
   * Topic writes of one order with {@code lines} lines, by design: {@code OrderPlaced} and the
   * outcome on {@code orders} (2), one verdict per validator on {@code order-validations} (3),
   * the reservation on {@code stock-reservations} (1), and per line a {@code StockReserved} on
   * {@code stock-events} and the new level on {@code stock-levels} (2 per line). State-store
   * changelogs and transaction markers come on top.
   */
  static double writesPerOrder(double lines) {
    return 6 + 2 * lines;
  }

  private BenchResult run() {
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String runTag = Long.toString(started.getEpochSecond(), 36);
    ShopApi api = new ShopApi(shop, options.direct());
    String target = options.direct() ? "direct" : "gateway";
    out.printf("benchmark %s: orders via %s (%s)%n", started, target,
        shop.baseFor("/api/orders", options.direct()));

    long seedStart = System.nanoTime();
    int customers = options.customersNeeded();
    out.printf("seeding %,d products with %,d units each and %,d customers%n",
        options.products(), Seeder.UNITS_PER_PRODUCT, customers);
    Catalogue catalogue = new Seeder(api, out, runTag).seed(options.products(), customers);
    double seedSeconds = LoadPhases.round((System.nanoTime() - seedStart) / 1e9);

    if (shop.bootstrapServers() != null) {
      backlog = new Backlog(shop.bootstrapServers());
    }
    try {
      return measure(started, runTag, api, target, catalogue, customers, seedSeconds);
    } finally {
      if (backlog != null) {
        backlog.close();
      }
    }
  }

  private BenchResult measure(Instant started, String runTag, ShopApi api, String target,
                              Catalogue catalogue, int customers, double seedSeconds) {
    OrderLedger ledger = new OrderLedger();
    CustomerPool pool = new CustomerPool(catalogue.customerIds(), options.ordersPerCustomer(),
        FRAUD_WINDOW);
    OrderMix mix = new OrderMix(catalogue.skus(), 42);
    OrderTrips trips = new OrderTrips(api, ledger, pool, mix, options.orderDeadline());
    awaitOrderPath(trips, catalogue);

    List<ClosedLoopResult> closed = new ArrayList<>();
    List<OpenLoopResult> open = new ArrayList<>();
    Usage before;
    Usage after;
    Map<String, Long> failures;
    try (LoadPhases phases = new LoadPhases(trips, options.orderDeadline(),
        options.maxInFlight())) {
      if (!options.warmup().isZero()) {
        out.printf("warm-up: %d clients for %d s%n", WARMUP_CLIENTS,
            options.warmup().toSeconds());
        ClosedLoopResult warm = phases.closedLoop(WARMUP_CLIENTS, options.warmup(),
            options.maxOrdersPerPhase());
        out.printf("  %,d orders, %.0f orders/s%n", warm.orders(), warm.ordersPerSecond());
        drain("the warm-up");
      }
      before = Usage.now(shop);
      for (int clients : options.closedLoopClients()) {
        ClosedLoopResult result = phases.closedLoop(clients, options.phaseDuration(),
            options.maxOrdersPerPhase());
        out.printf("closed loop C=%-4d %8.1f orders/s  p50 %7.2f  p99 %7.2f  max %8.2f ms"
                + "  (%,d orders, %,d failed)%n", clients, result.ordersPerSecond(),
            result.latency().p50Ms(), result.latency().p99Ms(), result.latency().maxMs(),
            result.orders(), result.failed());
        closed.add(result);
        drain("closed loop C=" + clients);
      }
      for (double rate : options.openLoopRates()) {
        OpenLoopResult result = phases.openLoop(rate, options.phaseDuration());
        out.printf("open loop R=%-6.0f %8.1f orders/s  p50 %7.2f  p99 %7.2f  max %8.2f ms"
                + "  (%,d sent, %,d dropped, %,d failed)%s%n", rate, result.achievedRate(),
            result.latency().p50Ms(), result.latency().p99Ms(), result.latency().maxMs(),
            result.sent(), result.dropped(), result.failed(),
            result.sustained() ? "" : "  not sustained");
        open.add(result);
        drain(String.format("open loop R=%.0f", rate));
      }
      failures = phases.failures();
    }
    List<PipelineResult> pipeline = pipelinePhases(pool, mix, catalogue, ledger);
    after = Usage.now(shop);
    if (pool.overBudget() > 0) {
      out.printf("note: %,d orders exceeded a customer's fraud budget (seed more customers)%n",
          pool.overBudget());
    }

    out.println("checking: every order final, stock invariant per product");
    CorrectnessReport correctness = new CorrectnessCheck(api, trips, options.orderDeadline(), out)
        .check(ledger, catalogue);

    RawKafkaResult raw = null;
    if (options.rawKafka() && shop.bootstrapServers() != null) {
      Path workDir = Optional.ofNullable(options.resultsDir()).orElse(Path.of("."))
          .resolve("work-" + runTag);
      raw = new RawKafkaBenchmark(shop.bootstrapServers(), workDir, out)
          .run(options.rawRecords(), options.rawRecordSize(), options.rawLatencyRecords(),
              runTag);
      deleteQuietly(workDir);
    }

    long measuredOrders = closed.stream().mapToLong(ClosedLoopResult::orders).sum()
        + open.stream().mapToLong(OpenLoopResult::orders).sum()
        + pipeline.stream().mapToLong(PipelineResult::outcomes).sum();
    double shopCpu = LoadPhases.round(after.shopCpuSeconds - before.shopCpuSeconds);
    Double cpuMsPerOrder = after.shopCpuSeconds == 0 || measuredOrders == 0 ? null
        : LoadPhases.round(shopCpu * 1000 / measuredOrders);
    List<ProcessUsage> processes = new ArrayList<>(Usage.now(shop).processes);
    if (raw != null) {
      processes.add(raw.producerProcess());
      processes.add(raw.endToEndProcess());
    }
    ProcessUsage.of("benchmark", ProcessHandle.current().pid()).ifPresent(processes::add);

    return new BenchResult(started.toString(), machine(), target, options.products(), customers,
        seedSeconds, List.copyOf(closed), List.copyOf(open), highestSustained(open), raw,
        pipelineVsRaw(closed, open, pipeline, raw, ledger.meanLinesPerOrder()),
        List.copyOf(pipeline), highestSustainedPipeline(pipeline), List.copyOf(processes), shopCpu,
        LoadPhases.round(after.selfCpuSeconds - before.selfCpuSeconds), cpuMsPerOrder,
        correctness, failures, List.copyOf(drains));
  }

  /**
   * Waits for the shop's backlog after a phase, so that the next phase measures only its own
   * load; with no broker known (a shop known by its gateway URL only) there is nothing to watch.
   */
  private void drain(String after) {
    if (backlog != null) {
      drains.add(backlog.awaitDrained(after, BACKLOG_TIMEOUT, out));
    }
  }

  /**
   * Waits until an order of the last seeded customer for the last seeded product is validated:
   * the order service and the validators have caught up with the seeding (their views of
   * products and customers are fed by topics, asynchronously).
   */
  private void awaitOrderPath(OrderTrips trips, Catalogue catalogue) {
    out.println("waiting until the order path knows the seeded products and customers");
    List<Line> lines = List.of(new Line(catalogue.skus().get(catalogue.skus().size() - 1), 1));
    String customer = catalogue.customerIds().get(catalogue.customerIds().size() - 1);
    long deadline = System.nanoTime() + ORDER_PATH_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      Trip trip = trips.run(System.nanoTime(), customer, lines).join();
      if ("VALIDATED".equals(trip.state())) {
        return;
      }
      last = trip.state() != null ? trip.state() : trip.failure();
      pause();
    }
    throw new IllegalStateException("no order was validated within " + ORDER_PATH_TIMEOUT
        + " after seeding; last: " + last);
  }

  /**
   * The pipeline phases, after the HTTP ones: orders written straight to {@code orders} at each
   * rate. They need the broker and the registry, which a shop known only by its gateway URL
   * does not name.
   */
  private List<PipelineResult> pipelinePhases(CustomerPool pool, OrderMix mix,
                                              Catalogue catalogue, OrderLedger ledger) {
    if (options.pipelineRates().isEmpty()) {
      return List.of();
    }
    Optional<String> registry = shop.registryUrl();
    if (shop.bootstrapServers() == null || registry.isEmpty()) {
      out.println("pipeline phases skipped: the shop names no Kafka or no schema registry");
      return List.of();
    }
    List<PipelineResult> results = new ArrayList<>();
    try (PipelineLoad load = new PipelineLoad(shop.bootstrapServers(), registry.get(), pool, mix,
        new PipelineOrders(catalogue.priceBySku()), ledger, options.orderDeadline())) {
      for (double rate : options.pipelineRates()) {
        PipelineResult result = load.run(rate, options.phaseDuration());
        out.printf("pipeline R=%-6.0f %8.1f outcomes/s  p50 %7.2f  p99 %7.2f  max %8.2f ms"
                + "  (%,d written, %,d validated, %,d rejected %s, %,d missing)%s%n", rate,
            result.achievedRate(), result.latency().p50Ms(), result.latency().p99Ms(),
            result.latency().maxMs(), result.produced(), result.validated(), result.rejected(),
            result.rejectionReasons(), result.missing(),
            result.sustained() ? "" : "  not sustained");
        results.add(result);
        drain(String.format("pipeline R=%.0f", rate));
      }
    }
    return results;
  }

  private static Double highestSustained(List<OpenLoopResult> open) {
    return open.stream().filter(OpenLoopResult::sustained)
        .map(OpenLoopResult::offeredRate).max(Comparator.naturalOrder()).orElse(null);
  }

  private static Double highestSustainedPipeline(List<PipelineResult> pipeline) {
    return pipeline.stream().filter(PipelineResult::sustained)
        .map(PipelineResult::offeredRate).max(Comparator.naturalOrder()).orElse(null);
  }

  private static Pipeline pipelineVsRaw(List<ClosedLoopResult> closed, List<OpenLoopResult> open,
                                        List<PipelineResult> pipeline, RawKafkaResult raw,
                                        double meanLines) {
    double writes = LoadPhases.round(writesPerOrder(meanLines));
    double best = Math.max(Math.max(
        closed.stream().mapToDouble(ClosedLoopResult::ordersPerSecond).max().orElse(0),
        open.stream().mapToDouble(OpenLoopResult::achievedRate).max().orElse(0)),
        pipeline.stream().mapToDouble(PipelineResult::achievedRate).max().orElse(0));
    double events = LoadPhases.round(best * writes);
    Double eventsRatio = null;
    Double latencyRatio = null;
    if (raw != null) {
      eventsRatio = ratio(events, raw.producer().recordsPerSecond());
      Optional<ClosedLoopResult> single = closed.stream()
          .min(Comparator.comparingInt(ClosedLoopResult::clients));
      if (single.isPresent()) {
        latencyRatio = ratio(single.get().latency().p50Ms(), raw.endToEnd().comparableP50Ms());
      }
    }
    return new Pipeline(writes, best, events, eventsRatio, latencyRatio);
  }

  private static Double ratio(double over, double under) {
    return under <= 0 ? null : Math.round(over / under * 1000) / 1000.0;
  }

  static Machine machine() {
    double memoryGiB = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memoryGiB = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      memoryGiB = 0; // not Linux: unknown
    }
    return new Machine(Runtime.getRuntime().availableProcessors(),
        Math.round(memoryGiB * 10) / 10.0,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  private static void pause() {
    try {
      TimeUnit.SECONDS.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // logs of the tools: harmless if they stay
    }
  }

  /** CPU of the shop's processes and of this JVM at one moment. */
  private record Usage(List<ProcessUsage> processes, double shopCpuSeconds,
                       double selfCpuSeconds) {

    static Usage now(ShopEndpoints shop) {
      List<ProcessUsage> processes = new ArrayList<>();
      shop.pids().forEach((name, pid) -> ProcessUsage.of(name, pid).ifPresent(processes::add));
      double self = ProcessUsage.of("benchmark", ProcessHandle.current().pid())
          .map(ProcessUsage::cpuSeconds).orElse(0.0);
      return new Usage(processes,
          processes.stream().mapToDouble(ProcessUsage::cpuSeconds).sum(), self);
    }
  }
}
