package io.eventshop.e2e;

import io.eventshop.bench.load.ShopEndpoints;
import io.eventshop.bench.load.ShopLimits;
import io.eventshop.bench.load.ShopProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole shop, started once per test run with {@code ./eventshop up} (the launcher, on free
 * ports and a data directory under {@code target/}) and stopped with SIGTERM, like Ctrl-C, when
 * the test JVM exits. Tests share it, so each test creates its own products and customers.
 * Started by the benchmark's {@link ShopProcess} with the shop's {@link ShopLimits#REAL real
 * limits}: the tests meet the gateway's rate limit and the fraud rule as a user would, so they
 * spread their orders over customers and their requests over time.
 */
public final class RunningShop {

  /** Further options of {@code up}: a small broker heap, the machine is shared with the tests. */
  private static final List<String> UP_OPTIONS = List.of("--broker-heap", "512m");
  private static RunningShop shop;
  private static RuntimeException startFailure;

  private final ShopProcess process;

  private RunningShop(ShopProcess process) {
    this.process = process;
  }

  /** The running shop, started on first call. */
  public static synchronized RunningShop get() {
    if (startFailure != null) {
      throw new IllegalStateException("the shop failed to start earlier in this run",
          startFailure);
    }
    if (shop == null) {
      try {
        shop = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shop;
  }

  private static RunningShop start() {
    Path home = Path.of(System.getProperty("eventshop.home", "..")).toAbsolutePath().normalize();
    Path workDir = Path.of(System.getProperty("eventshop.e2e.dir", "target/shop"))
        .toAbsolutePath();
    ShopProcess process = ShopProcess.start(home, workDir, Optional.empty(), ShopLimits.REAL,
        UP_OPTIONS, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(process::close, "shop-stop"));
    return new RunningShop(process);
  }

  /** Stops the shop as Ctrl-C would and waits for every process to end. */
  public void stop() {
    process.close();
  }

  /** Where the shop answers, as {@code run.json} says now: what the benchmark and the API use. */
  public ShopEndpoints endpoints() {
    return process.endpoints();
  }

  /** The base URL of a component, e.g. {@code http://127.0.0.1:41234}. */
  public Optional<String> url(String component) {
    return Optional.ofNullable(endpoints().urls().get(component));
  }

  public String bootstrapServers() {
    return endpoints().bootstrapServers();
  }

  public String registryUrl() {
    return url("schema-registry").orElseThrow();
  }

  /** The pid of a component's process, as the launcher knows it now ({@code run.json}). */
  public long pid(String component) {
    return endpoints().pids().get(component);
  }

  public Path dataDir() {
    return process.dataDir();
  }

  /** The data directory of the shop if one was started in this run (without starting one). */
  static synchronized Optional<Path> startedDataDir() {
    return Optional.ofNullable(shop).map(RunningShop::dataDir);
  }

  /** The launcher's console output so far. */
  public String output() {
    return process.output();
  }
}
