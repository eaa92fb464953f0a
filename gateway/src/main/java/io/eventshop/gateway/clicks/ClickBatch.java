package io.eventshop.gateway.clicks;

import java.time.Instant;
import java.util.List;

/**
 * What the shop page sends to {@code POST /api/events/clicks}: a few of a visitor's actions at
 * once (the page collects them and sends them with {@code navigator.sendBeacon}). Fields are
 * read as they come and checked by {@link ClickValidation}, so that a wrong one is named.
 *
 * @param clicks the actions, oldest first
 */
public record ClickBatch(List<Click> clicks) {

  /**
   * One action. Which fields an action needs: {@link ClickValidation}.
   *
   * @param action     {@code PAGE_VIEW}, {@code PRODUCT_VIEW}, {@code SEARCH}, {@code ADD_TO_CART}
   *                   or {@code CHECKOUT}
   * @param page       the page, e.g. {@code #/shop}
   * @param sku        the product viewed or added to the cart
   * @param quantity   how many were added to the cart
   * @param query      what was searched for
   * @param orderId    the order a checkout placed
   * @param occurredAt when the visitor acted; the time of arrival when absent
   */
  public record Click(String action, String page, String sku, Integer quantity, String query,
                      String orderId, Instant occurredAt) {
  }
}
