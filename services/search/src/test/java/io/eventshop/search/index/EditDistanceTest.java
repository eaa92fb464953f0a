package io.eventshop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void countsEachKindOfTypoAsOne() {
    assertThat(EditDistance.atMost("kettle", "ketle", 1)).as("deleted").isTrue();
    assertThat(EditDistance.atMost("kettle", "ketttle", 1)).as("inserted").isTrue();
    assertThat(EditDistance.atMost("kettle", "iettle", 1)).as("replaced").isTrue();
    assertThat(EditDistance.atMost("kettle", "ekttle", 1)).as("swapped").isTrue();
  }

  @Test
  void refusesMoreTyposThanAllowed() {
    assertThat(EditDistance.atMost("kettle", "ektlte", 1)).isFalse();
    assertThat(EditDistance.atMost("kettle", "ektlte", 2)).isTrue();
    assertThat(EditDistance.atMost("mug", "mugs", 0)).isFalse();
    assertThat(EditDistance.atMost("mug", "mug", 0)).isTrue();
    assertThat(EditDistance.atMost("lamp", "lampshade", 2)).isFalse();
  }
}
