package io.eventshop.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentSpec;
import io.eventshop.launcher.run.LaunchPlan;
import io.eventshop.launcher.run.LaunchSettings;
import io.eventshop.launcher.run.StartContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringBootAppTest {

  private static final ComponentCatalogue SHOP = ComponentCatalogue.EVENTSHOP;
  private final Path repo = Path.of("/repo");

  @TempDir
  Path home;

  private static List<ComponentSpec> specs(String... names) {
    return List.of(names).stream().map(name -> SHOP.byName(name).orElseThrow()).toList();
  }

  private StartContext context(LaunchSettings settings, String componentName) {
    return new StartContext(settings.plan().instances().stream()
        .filter(i -> i.componentName().equals(componentName)).findFirst().orElseThrow(), settings);
  }

  @Test
  void passesEveryRunTimePropertyOfTheConventions() {
    LaunchPlan plan = LaunchPlan.of(SHOP, specs("kafka", "schema-registry", "order"),
        new LaunchPlan.ExistingCluster("broker:9092"), Map.of("order", 2), Map.of());
    LaunchSettings settings = new LaunchSettings(repo, repo.resolve("data"),
        Optional.of("broker:9092"), Optional.of(Path.of("/etc/kafka/client.properties")), plan,
        Duration.ofSeconds(1), "1g", JvmTuning.QUICK_START);
    StartContext order2 = context(settings, "order-2");

    List<String> command = ((SpringBootApp) order2.instance().spec().start()).command(order2);

    assertThat(command).containsSubsequence("-Xmx256m", "-jar",
        "/repo/services/order/target/order.jar");
    assertThat(command).contains(
        "--server.port=8141",
        "--eventshop.kafka.bootstrap-servers=broker:9092",
        "--eventshop.kafka.client-properties-file=/etc/kafka/client.properties",
        "--eventshop.kafka.state-dir=/repo/data/state/order-2",
        "--eventshop.schema-registry.url=http://127.0.0.1:8081",
        "--eventshop.instance-id=2");
  }

  @Test
  void leavesOutTheClientPropertiesWhenThereAreNone() {
    LaunchPlan plan = LaunchPlan.of(SHOP, specs("kafka", "schema-registry", "product"),
        new LaunchPlan.BrokerPorts(9092, 9093), Map.of(), Map.of());
    LaunchSettings settings = new LaunchSettings(repo, repo.resolve("data"), Optional.empty(),
        Optional.empty(), plan, Duration.ofSeconds(1), "1g", JvmTuning.QUICK_START);
    StartContext product = context(settings, "product");

    List<String> command = ((SpringBootApp) product.instance().spec().start()).command(product);

    assertThat(command).contains("--eventshop.kafka.bootstrap-servers=127.0.0.1:9092");
    assertThat(command).noneMatch(arg -> arg.startsWith("--eventshop.kafka.client-properties"));
  }

  @Test
  void startsServicesWithTheQuickCompilerUnlessTunedForThroughput() {
    LaunchPlan plan = LaunchPlan.of(SHOP, specs("kafka", "schema-registry", "product"),
        new LaunchPlan.BrokerPorts(9092, 9093), Map.of(), Map.of());
    LaunchSettings quick = new LaunchSettings(repo, repo.resolve("data"), Optional.empty(),
        Optional.empty(), plan, Duration.ofSeconds(1), "1g", JvmTuning.QUICK_START);
    LaunchSettings throughput = new LaunchSettings(repo, repo.resolve("data"), Optional.empty(),
        Optional.empty(), plan, Duration.ofSeconds(1), "1g", JvmTuning.THROUGHPUT);
    SpringBootApp product = (SpringBootApp) SHOP.byName("product").orElseThrow().start();

    List<String> forUp = product.command(context(quick, "product"));
    List<String> forTheBenchmark = product.command(context(throughput, "product"));

    assertThat(forUp).containsSubsequence("-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar");
    assertThat(forTheBenchmark).containsSubsequence("-Xmx256m", "-jar")
        .noneMatch(arg -> arg.startsWith("-XX:TieredStopAtLevel"));
  }

  @Test
  void countsAServiceAsBuiltOnlyWhenItsJarIsExecutable() throws Exception {
    ServiceJars.write(home, "product", true);
    ServiceJars.write(home, "stock", false);
    ServiceJars.write(home, "gateway", true);

    assertThat(SHOP.all()).filteredOn(c -> c.start() instanceof SpringBootApp)
        .filteredOn(c -> c.start().isBuilt(home))
        .extracting(ComponentSpec::name).containsExactly("product", "gateway");
    assertThat(((SpringBootApp) SHOP.byName("gateway").orElseThrow().start()).jar(home))
        .isEqualTo(home.resolve("gateway/target/gateway.jar"));
    assertThat(((SpringBootApp) SHOP.byName("product").orElseThrow().start()).jar(home))
        .isEqualTo(home.resolve("services/product/target/product.jar"));
  }
}
