package io.eventshop.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingWritesTest {

  /** A versioned value: the view has caught up when it holds this version or a later one. */
  record Item(String name, int version) {
  }

  private final PendingWrites<String, Item> pending =
      new PendingWrites<>((read, written) -> read.version() >= written.version());

  @Test
  void aQueryAnswersThePendingWriteUntilTheViewHasIt() {
    pending.wrote("a", new Item("new", 2));

    assertThat(pending.resolve("a", null)).isEqualTo(new Item("new", 2));
    assertThat(pending.resolve("a", new Item("old", 1))).isEqualTo(new Item("new", 2));
    assertThat(pending.resolve("a", new Item("new", 2))).isEqualTo(new Item("new", 2));
    assertThat(pending.keys()).isEmpty();
  }

  @Test
  void aNewerValueInTheViewWinsAndDropsThePendingWrite() {
    pending.wrote("a", new Item("mine", 2));

    assertThat(pending.resolve("a", new Item("someone else's", 3)))
        .isEqualTo(new Item("someone else's", 3));
    assertThat(pending.pending("a")).isEmpty();
  }

  @Test
  void ofTwoWritesOfOneKeyTheNewerIsKeptWhateverTheOrderTheyArrive() {
    pending.wrote("a", new Item("second", 2));
    pending.wrote("a", new Item("first", 1));

    assertThat(pending.pending("a")).contains(new Item("second", 2));
  }

  @Test
  void aWriteIfAbsentRefusesASecondWriteOfTheSameKeyUntilItIsForgotten() {
    assertThat(pending.wroteIfAbsent("order-1", new Item("placed", 1))).isTrue();
    assertThat(pending.wroteIfAbsent("order-1", new Item("placed again", 1))).isFalse();

    pending.forget("order-1");

    assertThat(pending.wroteIfAbsent("order-1", new Item("placed again", 1))).isTrue();
  }
}
