package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessUsageTest {

  @Test
  void readsThePeakResidentSetFromProcStatus() {
    String status = """
        Name:\tjava
        VmPeak:\t 5000000 kB
        VmHWM:\t  312456 kB
        VmRSS:\t  300000 kB
        """;

    assertThat(ProcessUsage.peakRssKb(status)).isEqualTo(312_456);
    assertThat(ProcessUsage.peakRssKb("Name:\tjava\n")).isZero();
  }

  @Test
  void measuresALiveProcessAndNothingOfAGoneOne() {
    ProcessUsage self = ProcessUsage.of("test", ProcessHandle.current().pid()).orElseThrow();

    assertThat(self.cpuSeconds()).isPositive();
    assertThat(self.peakRssMiB()).isPositive();
    assertThat(ProcessUsage.of("gone", Long.MAX_VALUE / 2)).isEmpty();
  }
}
