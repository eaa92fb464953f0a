package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

  private static final long START = 1_000_000_000L;

  @Test
  void spacesOrdersEvenlyAtTheOfferedRate() {
    RateSchedule schedule = RateSchedule.of(START, 1_000, Duration.ofSeconds(2));

    assertThat(schedule.count()).isEqualTo(2_000);
    assertThat(schedule.intendedNanos(0)).isEqualTo(START);
    assertThat(schedule.intendedNanos(1)).isEqualTo(START + 1_000_000);
    assertThat(schedule.intendedNanos(1_500)).isEqualTo(START + 1_500_000_000L);
    assertThat(schedule.lastNanos()).isEqualTo(START + 1_999_000_000L);
  }

  @Test
  void keepsFractionalIntervalsWithoutDrift() {
    RateSchedule schedule = RateSchedule.of(START, 3, Duration.ofSeconds(10));

    assertThat(schedule.count()).isEqualTo(30);
    assertThat(schedule.intendedNanos(3)).isEqualTo(START + 1_000_000_000L);
    assertThat(schedule.intendedNanos(29)).isEqualTo(START + 9_666_666_667L);
  }

  @Test
  void aSenderThatWakesLateOwesEveryOrderOfTheStallAtItsIntendedTime() {
    RateSchedule schedule = RateSchedule.of(START, 100, Duration.ofSeconds(5));
    long wokeAfterStall = START + 1_000_000_000L; // a 1 s pause of the load generator

    // all 101 orders due by then go out at once, but each is timed from when it was due
    assertThat(schedule.dueBy(wokeAfterStall)).isEqualTo(101);
    assertThat(wokeAfterStall - schedule.intendedNanos(0)).isEqualTo(1_000_000_000L);
    assertThat(wokeAfterStall - schedule.intendedNanos(50)).isEqualTo(500_000_000L);
  }

  @Test
  void nothingIsDueBeforeTheStartAndNeverMoreThanTheCount() {
    RateSchedule schedule = RateSchedule.of(START, 10, Duration.ofSeconds(1));

    assertThat(schedule.dueBy(START - 1)).isZero();
    assertThat(schedule.dueBy(START)).isEqualTo(1);
    assertThat(schedule.dueBy(START + 60_000_000_000L)).isEqualTo(10);
  }

  @Test
  void refusesARateOfZero() {
    assertThatThrownBy(() -> RateSchedule.of(START, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
