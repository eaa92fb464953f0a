package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {

  @Test
  void startsItsOwnShopTunedForThroughputWithTheGivenUpOptions() {
    assertThat(BenchMain.upOptionsOfOwnShop(List.of("--instances", "order=2")))
        .containsExactly("--throughput", "--instances", "order=2");
  }
}
