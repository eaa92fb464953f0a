package io.eventshop.analytics.domain;

import io.eventshop.contracts.analytics.ProductViewCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most viewed products of a window, kept as a short list.
 *
 * <p>Why a short list suffices: every update carries a product's whole count in the window, and
 * counts only grow, so a product that drops out of the list can only come back through an update
 * that brings its full, larger count.
 */
public final class TopProducts {

  private static final Comparator<ProductViewCount> MOST_VIEWED_FIRST =
      Comparator.comparingLong(ProductViewCount::getViews).reversed()
          .thenComparing(ProductViewCount::getSku);

  private TopProducts() {
  }

  /** {@code top} with {@code update} replacing its product's entry, cut to {@code size}. */
  public static List<ProductViewCount> with(List<ProductViewCount> top, ProductViewCount update,
                                            int size) {
    List<ProductViewCount> next = new ArrayList<>(top.size() + 1);
    top.stream().filter(entry -> !entry.getSku().equals(update.getSku())).forEach(next::add);
    next.add(update);
    next.sort(MOST_VIEWED_FIRST);
    return List.copyOf(next.subList(0, Math.min(size, next.size())));
  }
}
