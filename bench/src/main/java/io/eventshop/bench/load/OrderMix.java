package io.eventshop.bench.load;

import io.eventshop.bench.load.ShopApi.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The orders the benchmark places: mostly one line, some with two or three lines of distinct
 * products (multi-line orders make stock reserve all-or-nothing across products), one or two units
 * each, over the whole seeded catalogue so no product runs short.
 */
public final class OrderMix {

  private final List<String> skus;
  private final SplittableRandom random;

  public OrderMix(List<String> skus, long seed) {
    if (skus.size() < 3) {
      throw new IllegalArgumentException("the mix needs at least three products");
    }
    this.skus = List.copyOf(skus);
    this.random = new SplittableRandom(seed);
  }

  /** The lines of the next order: 80 % one line, 15 % two, 5 % three. */
  public synchronized List<Line> next() {
    int roll = random.nextInt(100);
    int lineCount = roll < 80 ? 1 : roll < 95 ? 2 : 3;
    List<Line> lines = new ArrayList<>(lineCount);
    int first = random.nextInt(skus.size());
    for (int i = 0; i < lineCount; i++) {
      // consecutive products from a random start: distinct without a retry loop
      lines.add(new Line(skus.get((first + i) % skus.size()), 1 + random.nextInt(2)));
    }
    return lines;
  }
}
