package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.bench.load.Bench;
import io.eventshop.bench.load.BenchOptions;
import io.eventshop.bench.load.BenchResult;
import io.eventshop.bench.load.CorrectnessReport;
import io.eventshop.bench.load.LatencySummary;
import io.eventshop.bench.load.ShopEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke run ({@link BenchOptions#smoke()}: a handful of orders through the
 * gateway) against the shared shop, with the shop's real limits (its rates stay within them):
 * the harness works end to end and the shop stays correct under it. It checks correctness and that each phase measured something, never speed: the
 * machine is shared and the numbers of a test run mean nothing.
 */
@Order(5)
class BenchSmokeIT {

  private static final Path HOME = Path.of(System.getProperty("eventshop.home", ".."));

  @Test
  void aSmokeRunFinishesEveryOrderAndKeepsTheStockInvariant() throws IOException {
    RunningShop shop = RunningShop.get();
    BenchOptions smoke = BenchOptions.smoke();
    List<Path> resultsBefore = resultFiles();

    BenchResult result = Bench.run(smoke, ShopEndpoints.fromRunFile(shop.dataDir()), System.out);

    CorrectnessReport correctness = result.correctness();
    assertThat(correctness.problems()).as("correctness problems").isEmpty();
    assertThat(correctness.ok()).isTrue();
    assertThat(correctness.accepted()).as("orders accepted").isPositive();
    assertThat(correctness.lost()).as("accepted orders that never became final").isZero();
    assertThat(correctness.finalStates().values().stream().mapToLong(Long::longValue).sum())
        .as("final orders, by state %s", correctness.finalStates())
        .isEqualTo(correctness.accepted());
    assertThat(correctness.productsChecked()).as("products whose stock invariant was checked")
        .isEqualTo(smoke.products());

    assertThat(result.closedLoop()).as("closed-loop phases").isNotEmpty()
        .allSatisfy(phase -> measured(phase, phase.orders(), phase.latency()));
    assertThat(result.openLoop()).as("open-loop phases").isNotEmpty()
        .allSatisfy(phase -> measured(phase, phase.orders(), phase.latency()));

    assertThat(smoke.resultsDir()).as("a smoke run has no results directory").isNull();
    assertThat(resultFiles()).as("result files").isEqualTo(resultsBefore);
  }

  /** A phase completed at least one order and measured its latency (whatever it was). */
  private static void measured(Object phase, long orders, LatencySummary latency) {
    assertThat(orders).as("final orders of %s", phase).isPositive();
    assertThat(latency.p50Ms()).as("p50 of %s", phase).isPositive();
  }

  /** What is in the benchmark's results folders, the published one and one under this module. */
  private static List<Path> resultFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(HOME.resolve("bench/results"), Path.of("bench/results"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> listed = Files.list(dir)) {
          listed.sorted().forEach(files::add);
        }
      }
    }
    return files;
  }
}
