package io.eventshop.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./eventshop bench}: starts the shop (or uses a running one), seeds it, drives orders in
 * closed and open loop, measures Kafka's own limit on the same broker, checks correctness, prints
 * a summary table and writes {@code bench/results/<timestamp>.json} and {@code .svg}. Exits 1
 * when a correctness check fails or the run breaks, 2 on a bad option.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "End-to-end benchmark of the order pipeline against Kafka's own limit.")
public final class BenchMain implements Callable<Integer> {

  @Option(names = "--quick", description = "A smoke run: few orders, C=1,8, rates 50,200,"
      + " pipeline rates 200,500, 5 s each, 200k raw records.")
  private boolean quick;

  @Option(names = "--direct", description = "Orders straight to the order service, not through"
      + " the gateway.")
  private boolean direct;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Use the shop that a running"
      + " `./eventshop up --data-dir DIR` started (its run.json) instead of starting one.")
  private Path dataDir;

  @Option(names = "--url", paramLabel = "URL", description = "Use a running shop's gateway at"
      + " URL (no process figures; raw Kafka only with --kafka).")
  private String url;

  @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "An existing Kafka cluster:"
      + " the shop started by the benchmark uses it, and so does the raw measurement.")
  private String kafka;

  @Option(names = "--clients", split = ",", paramLabel = "C", description = "Closed-loop client"
      + " counts (default 1,8,64,128,256).")
  private List<Integer> clients;

  @Option(names = "--rates", split = ",", paramLabel = "R", description = "Open-loop offered"
      + " rates in orders/s (default 25,50,100,150).")
  private List<Double> rates;

  @Option(names = "--pipeline-rates", split = ",", paramLabel = "R", description = "Pipeline"
      + " phases: OrderPlaced written straight to Kafka at R orders/s, outcomes read back, no"
      + " HTTP (default 500,1000,2000,5000; --quick 200,500).")
  private List<Double> pipelineRates;

  @Option(names = "--orders-per-customer", paramLabel = "N", description = "A customer's order"
      + " budget per 70 s (default 9, under the fraud rule's 10 a minute). More needs a shop with"
      + " a raised fraud limit, as the shop the benchmark starts itself has.")
  private Integer ordersPerCustomer;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Length of each measured"
      + " phase (default 20).")
  private Integer durationSeconds;

  @Option(names = "--warmup", paramLabel = "SECONDS", description = "Warm-up (default 60: on 2"
      + " cores the JIT compilers of eight JVMs need that long).")
  private Integer warmupSeconds;

  @Option(names = "--products", paramLabel = "N", description = "Products to seed (default"
      + " 1000).")
  private Integer products;

  @Option(names = "--customers", paramLabel = "N", description = "Customers to seed (default"
      + " 10000; raised to keep the busiest rate within the fraud rule).")
  private Integer customers;

  @Option(names = "--raw-records", paramLabel = "N", description = "ProducerPerformance records"
      + " (default 1000000).")
  private Long rawRecords;

  @Option(names = "--no-raw-kafka", description = "Skip Kafka's own measurement.")
  private boolean noRawKafka;

  @Option(names = "--results", paramLabel = "DIR", description = "Where the JSON and SVG go"
      + " (default bench/results).")
  private Path results;

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${sys:eventshop.home:-.}",
      description = "The repository root (default: eventshop.home or the current directory).")
  private Path home;

  @Option(names = "--real-limits", description = "When the benchmark starts the shop: keep its"
      + " real gateway rate limit and fraud limit (default: raised, since the benchmark measures"
      + " throughput; with these keep --orders-per-customer at most 9 and the rates modest).")
  private boolean realLimits;

  @Option(names = "--up-option", paramLabel = "ARG", description = "An option for `up` when the"
      + " benchmark starts the shop, e.g. --up-option=--instances --up-option=order=2.")
  private List<String> upOptions = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  BenchOptions options() {
    BenchOptions base = quick ? BenchOptions.quick() : BenchOptions.full();
    Path resultsDir = results != null ? results : home.resolve(base.resultsDir());
    return new BenchOptions(direct,
        Optional.ofNullable(products).orElse(base.products()),
        Optional.ofNullable(customers).orElse(base.customers()),
        Optional.ofNullable(warmupSeconds).map(Duration::ofSeconds).orElse(base.warmup()),
        Optional.ofNullable(clients).orElse(base.closedLoopClients()),
        Optional.ofNullable(rates).orElse(base.openLoopRates()),
        Optional.ofNullable(pipelineRates).orElse(base.pipelineRates()),
        Optional.ofNullable(ordersPerCustomer).orElse(base.ordersPerCustomer()),
        Optional.ofNullable(durationSeconds).map(Duration::ofSeconds)
            .orElse(base.phaseDuration()),
        base.maxOrdersPerPhase(), base.maxInFlight(), base.orderDeadline(), !noRawKafka,
        Optional.ofNullable(rawRecords).orElse(base.rawRecords()), base.rawRecordSize(),
        base.rawLatencyRecords(), resultsDir.toAbsolutePath().normalize());
  }

  @Override
  public Integer call() {
    BenchOptions options;
    try {
      options = options();
      if (dataDir != null && url != null) {
        throw new IllegalArgumentException("--data-dir and --url both name a running shop:"
            + " give one");
      }
      if (url != null && direct) {
        throw new IllegalArgumentException("--direct needs the services' URLs: use --data-dir");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      return 2;
    }
    ShopProcess started = null;
    try {
      ShopEndpoints shop;
      if (dataDir != null) {
        shop = ShopEndpoints.fromRunFile(dataDir.toAbsolutePath());
      } else if (url != null) {
        shop = ShopEndpoints.gatewayOnly(url, kafka);
      } else {
        Path root = home.toAbsolutePath().normalize();
        started = ShopProcess.start(root, root.resolve("bench/target/shop"),
            Optional.ofNullable(kafka), realLimits ? ShopLimits.REAL : ShopLimits.RAISED,
            upOptionsOfOwnShop(upOptions), System.out);
        ShopProcess toStop = started;
        Runtime.getRuntime().addShutdownHook(new Thread(toStop::close, "bench-stop-shop"));
        shop = started.endpoints();
      }
      BenchResult result = Bench.run(options, shop, System.out);
      System.out.println();
      System.out.print(SummaryTable.render(result));
      ResultFiles.Written written = ResultFiles.write(result, options.resultsDir());
      System.out.printf("%nwritten: %s and %s%n", written.json(), written.svg());
      if (!result.correctness().ok()) {
        System.out.println("FAILED: the run broke a correctness check (see PROBLEM lines)");
        return 1;
      }
      return 0;
    } catch (RuntimeException e) {
      System.err.println("bench failed: " + OrderTrips.describe(e));
      e.printStackTrace(System.err);
      return 1;
    } finally {
      if (started != null) {
        System.out.println("stopping the shop");
        started.close();
      }
    }
  }

  /**
   * The shop the benchmark starts runs tuned for throughput ({@code up --throughput}): {@code up}
   * alone keeps the JIT to its quick compiler for a fast start, which would cap what is measured.
   */
  static List<String> upOptionsOfOwnShop(List<String> given) {
    List<String> options = new ArrayList<>(List.of("--throughput"));
    options.addAll(given);
    return options;
  }
}
