package io.eventshop.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a benchmark run does. {@link #full()} is the published run, {@link #quick()} a smoke run of
 * a minute or two, {@link #smoke()} a handful of orders for a test.
 *
 * @param direct             orders straight to the order service instead of through the gateway
 * @param products           products to seed (each with {@value Seeder#UNITS_PER_PRODUCT} units)
 * @param customers          customers to seed (more spread the orders thinner for the fraud rule)
 * @param warmup             closed-loop warm-up before the measured phases (8 clients)
 * @param closedLoopClients  one closed-loop phase per client count
 * @param openLoopRates      one open-loop phase per offered rate (orders per second)
 * @param pipelineRates      one pipeline phase per offered rate: {@code OrderPlaced} straight to
 *                           {@code orders}, no HTTP (see {@link PipelineLoad})
 * @param ordersPerCustomer  a customer's order budget per {@link Bench#FRAUD_WINDOW}: 9 keeps
 *                           under the fraud rule's 10 a minute; more needs a shop with a raised
 *                           limit (as {@link ShopProcess} starts it) and fewer customers
 * @param phaseDuration      the length of every measured phase
 * @param maxOrdersPerPhase  a hard bound on the orders of one phase
 * @param maxInFlight        open loop: orders in flight beyond which sends are dropped (counted)
 * @param orderDeadline      how long an order may take to reach a final state before it counts
 *                           as failed (and is checked again at the end)
 * @param rawKafka           whether to measure the broker with Kafka's tools
 * @param rawRecords         ProducerPerformance records
 * @param rawRecordSize      bytes per raw record
 * @param rawLatencyRecords  EndToEndLatency records
 * @param resultsDir         where {@code <timestamp>.json} and {@code .svg} go (null: nowhere)
 */
public record BenchOptions(boolean direct, int products, int customers, Duration warmup,
                           List<Integer> closedLoopClients, List<Double> openLoopRates,
                           List<Double> pipelineRates, int ordersPerCustomer,
                           Duration phaseDuration, long maxOrdersPerPhase, int maxInFlight,
                           Duration orderDeadline, boolean rawKafka, long rawRecords,
                           int rawRecordSize, long rawLatencyRecords, Path resultsDir) {

  /** Under the fraud rule's 10 orders a minute: the HTTP phases need no change to the shop. */
  public static final int DEFAULT_ORDERS_PER_CUSTOMER = 9;
  /** Credit of a seeded customer over the largest order the mix makes (3 x 2 x 49.99 CHF). */
  static final int MAX_ORDERS_PER_CUSTOMER = 3_000;

  public BenchOptions {
    closedLoopClients = List.copyOf(closedLoopClients);
    openLoopRates = List.copyOf(openLoopRates);
    pipelineRates = List.copyOf(pipelineRates);
    if (products < 3 || customers < 1) {
      throw new IllegalArgumentException("need at least 3 products and 1 customer");
    }
    if (closedLoopClients.stream().anyMatch(c -> c < 1 || c > 4_096)
        || openLoopRates.stream().anyMatch(r -> r <= 0 || r > 100_000)
        || pipelineRates.stream().anyMatch(r -> r <= 0 || r > 100_000)) {
      throw new IllegalArgumentException("clients must be 1..4096 and rates 0..100000 per second");
    }
    // the fraud rule's own bound; and a seeded customer's credit covers this many orders
    if (ordersPerCustomer < 1 || ordersPerCustomer > MAX_ORDERS_PER_CUSTOMER) {
      throw new IllegalArgumentException("orders per customer must be 1.."
          + MAX_ORDERS_PER_CUSTOMER);
    }
  }

  /** The published run: the figures of the README. */
  public static BenchOptions full() {
    return new BenchOptions(false, 1_000, 10_000, Duration.ofSeconds(60),
        // Open-loop rates bracket what HTTP sustains here (~140 orders/s): far above it an open
        // loop only measures a queue growing, and its backlog starves the phases after it.
        List.of(1, 8, 64, 128, 256), List.of(25.0, 50.0, 100.0, 150.0),
        List.of(500.0, 1_000.0, 2_000.0, 5_000.0), DEFAULT_ORDERS_PER_CUSTOMER, Duration.ofSeconds(20),
        1_000_000, 20_000, Duration.ofSeconds(30), true, 1_000_000, 200, 10_000,
        Path.of("bench", "results"));
  }

  /** A smoke run: few orders, two client counts, two low rates, a small raw measurement. */
  public static BenchOptions quick() {
    return new BenchOptions(false, 100, 1_000, Duration.ofSeconds(3), List.of(1, 8),
        List.of(50.0, 200.0), List.of(200.0, 500.0), DEFAULT_ORDERS_PER_CUSTOMER,
        Duration.ofSeconds(5), 100_000, 5_000, Duration.ofSeconds(30),
        true, 200_000, 200, 1_000, Path.of("bench", "results"));
  }

  /**
   * A handful of orders for a test: one client, one low rate, one second each, no raw part;
   * within a shop's real limits (the gateway's requests per client, the fraud rule's orders per
   * customer), so a test can run it against the shop it shares with other tests.
   */
  public static BenchOptions smoke() {
    return new BenchOptions(false, 5, 20, Duration.ZERO, List.of(1), List.of(5.0), List.of(20.0),
        DEFAULT_ORDERS_PER_CUSTOMER, Duration.ofSeconds(1), 20, 100, Duration.ofSeconds(30), false, 10_000, 200, 100, null);
  }

  public BenchOptions withDirect(boolean direct) {
    return new BenchOptions(direct, products, customers, warmup, closedLoopClients,
        openLoopRates, pipelineRates, ordersPerCustomer, phaseDuration, maxOrdersPerPhase, maxInFlight, orderDeadline, rawKafka,
        rawRecords, rawRecordSize, rawLatencyRecords, resultsDir);
  }

  public BenchOptions withRawKafka(boolean rawKafka) {
    return new BenchOptions(direct, products, customers, warmup, closedLoopClients,
        openLoopRates, pipelineRates, ordersPerCustomer, phaseDuration, maxOrdersPerPhase, maxInFlight, orderDeadline, rawKafka,
        rawRecords, rawRecordSize, rawLatencyRecords, resultsDir);
  }

  public BenchOptions withResultsDir(Path resultsDir) {
    return new BenchOptions(direct, products, customers, warmup, closedLoopClients,
        openLoopRates, pipelineRates, ordersPerCustomer, phaseDuration, maxOrdersPerPhase, maxInFlight, orderDeadline, rawKafka,
        rawRecords, rawRecordSize, rawLatencyRecords, resultsDir);
  }

  /**
   * Customers enough to keep the busiest open-loop or pipeline phase within the fraud rule's
   * budget ({@link #ordersPerCustomer} per {@link Bench#FRAUD_WINDOW}), if that is more than
   * asked for.
   */
  public int customersNeeded() {
    double busiestRate = java.util.stream.Stream.concat(openLoopRates.stream(),
        pipelineRates.stream()).mapToDouble(Double::doubleValue).max().orElse(0);
    double busiest = busiestRate
        * Math.min(phaseDuration.toSeconds(), Bench.FRAUD_WINDOW.toSeconds());
    return Math.max(customers, (int) Math.ceil(busiest / ordersPerCustomer));
  }
}
