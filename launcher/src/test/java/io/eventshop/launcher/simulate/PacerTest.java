package io.eventshop.launcher.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacerTest {

  private final AtomicLong nanos = new AtomicLong();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Pacer pacer(long maxEvents, Duration duration) {
    return new Pacer("sensors", 1_000, maxEvents, duration, nanos::get,
        new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void stopsAtTheCount() throws InterruptedException {
    Pacer pacer = pacer(3, Duration.ofHours(1));
    int events = 0;
    while (pacer.next()) {
      events++;
      nanos.addAndGet(1_000_000);
    }
    assertThat(events).isEqualTo(3);
  }

  @Test
  void stopsAtTheDurationAndReportsProgressOnTheWay() throws InterruptedException {
    Pacer pacer = pacer(Long.MAX_VALUE, Duration.ofSeconds(12));
    int events = 0;
    while (pacer.next()) {
      events++;
      nanos.addAndGet(1_000_000);  // exactly on the rate: one event per millisecond
      pacer.report("ok");
    }
    pacer.finish("ok");

    assertThat(events).isEqualTo(12_000);
    String progress = out.toString(StandardCharsets.UTF_8);
    assertThat(progress.lines()).hasSize(3);
    assertThat(progress).contains("sensors: 5,000 events (1,000/s), ok", "done, ok");
  }
}
