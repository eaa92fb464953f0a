package io.eventshop.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.run.LaunchPlan;
import io.eventshop.launcher.run.LaunchSettings;
import io.eventshop.launcher.run.StartContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerProcessTest {

  private static StartContext kafkaOf(JvmTuning tuning) {
    ComponentCatalogue shop = ComponentCatalogue.EVENTSHOP;
    LaunchPlan plan = LaunchPlan.of(shop, List.of(shop.byName("kafka").orElseThrow()),
        new LaunchPlan.BrokerPorts(19092, 19093), Map.of(), Map.of());
    LaunchSettings settings = new LaunchSettings(Path.of("/repo"), Path.of("/repo/data"),
        Optional.empty(), Optional.empty(), plan, Duration.ofSeconds(1), "1g", tuning);
    return new StartContext(plan.instances().get(0), settings);
  }

  @Test
  void startsTheBrokerWithTheQuickCompilerUnlessTunedForThroughput() {
    assertThat(BrokerProcess.settings(kafkaOf(JvmTuning.QUICK_START)).jvmOptions())
        .containsExactly("-XX:TieredStopAtLevel=1");
    assertThat(BrokerProcess.settings(kafkaOf(JvmTuning.THROUGHPUT)).jvmOptions()).isEmpty();
    assertThat(BrokerProcess.settings(kafkaOf(JvmTuning.THROUGHPUT)).port()).isEqualTo(19092);
  }
}
