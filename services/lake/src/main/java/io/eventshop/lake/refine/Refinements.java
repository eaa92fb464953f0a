package io.eventshop.lake.refine;

import java.util.List;

/**
 * The refined zone's tables. Revenue counts validated orders that were not cancelled later, by
 * the day (UTC) they were placed; the enriched orders carry the customer's country and each
 * line's category, as the analytics service joined them when the order was placed.
 */
public final class Refinements {

  private static final String ORDERS = "raw.orders_enriched";
  private static final String KEPT_ORDERS = """
      SELECT * FROM raw.orders_enriched
       WHERE state = 'VALIDATED'
         AND orderId NOT IN (SELECT orderId FROM raw.orders_enriched WHERE state = 'CANCELLED')""";

  /** Revenue, orders and units per day, country and category. */
  public static final Refinement DAILY_REVENUE = new Refinement("daily_revenue", List.of(ORDERS),
      "WITH kept AS (" + KEPT_ORDERS + "), line AS ("
          + " SELECT orderId, country, placedAt, unnest(lines) AS line FROM kept)"
          + " SELECT CAST(placedAt AS DATE) AS day, coalesce(country, '?') AS country,"
          + " coalesce(line.category, '?') AS category, count(DISTINCT orderId) AS orders,"
          + " CAST(sum(line.quantity) AS BIGINT) AS units,"
          + " CAST(sum(line.quantity * line.unitPrice) AS DECIMAL(18, 2)) AS revenue"
          + " FROM line GROUP BY ALL ORDER BY day, country, category");

  /** Per customer: orders, revenue, first and last order. */
  public static final Refinement CUSTOMER_LIFETIME_VALUE = new Refinement(
      "customer_lifetime_value", List.of(ORDERS),
      "WITH kept AS (" + KEPT_ORDERS + ")"
          + " SELECT customerId AS customer_id, any_value(customerName) AS name,"
          + " any_value(country) AS country, CAST(count(*) AS BIGINT) AS orders,"
          + " CAST(sum(total) AS DECIMAL(18, 2)) AS revenue, min(placedAt) AS first_order,"
          + " max(placedAt) AS last_order FROM kept GROUP BY customerId ORDER BY revenue DESC");

  private static final String LEVELS = "raw.stock_levels";
  private static final String CLICKS = "raw.clickstream";

  /**
   * Per product, over the whole history the lake holds: units received, units sold, average
   * available stock and turnover. Built from {@code raw.stock_levels} (every change of a level,
   * in offset order per sku, since a sku's levels share a partition): the levels themselves,
   * where {@code raw.stock_events} has the changes that lead to them. {@code onHand} only grows, by
   * goods received, so the units received are its growth since 0. Average stock is the
   * accountant's (opening + closing) / 2 of the available units ({@code onHand - reserved});
   * turnover is units sold / average stock, null when nothing was ever available.
   */
  public static final Refinement STOCK_TURNOVER = new Refinement("stock_turnover",
      List.of(LEVELS, ORDERS),
      "WITH levels AS (SELECT sku, max(onHand) AS received,"
          + " arg_min(onHand - reserved, _kafka_offset) AS opening,"
          + " arg_max(onHand - reserved, _kafka_offset) AS closing"
          + " FROM " + LEVELS + " GROUP BY sku),"
          + " kept AS (" + KEPT_ORDERS + "),"
          + " sold AS (SELECT line.sku AS sku, sum(line.quantity) AS units"
          + " FROM (SELECT unnest(lines) AS line FROM kept) GROUP BY line.sku)"
          + " SELECT levels.sku, CAST(levels.received AS BIGINT) AS units_received,"
          + " CAST(coalesce(sold.units, 0) AS BIGINT) AS units_sold,"
          + " CAST((opening + closing) / 2.0 AS DOUBLE) AS average_stock,"
          + " CAST(round(coalesce(sold.units, 0) / nullif((opening + closing) / 2.0, 0), 4)"
          + " AS DOUBLE) AS turnover"
          + " FROM levels LEFT JOIN sold USING (sku) ORDER BY levels.sku");

  /**
   * Per day (UTC, of the visitor's {@code occurredAt}): distinct visitors, and those who viewed
   * a product, added to the cart, checked out, and whose checked-out order was validated and not
   * cancelled. Each step counts the day's visitors who took it, whatever they did before; the
   * ratios are of one step to the one before it ({@code conversion}: ordered / visitors), null
   * when the step before had nobody.
   */
  public static final Refinement DAILY_FUNNEL = new Refinement("daily_funnel",
      List.of(CLICKS, ORDERS),
      "WITH kept AS (" + KEPT_ORDERS + "), clicks AS (SELECT CAST(occurredAt AS DATE) AS day,"
          + " visitorId, CAST(action AS VARCHAR) AS action, orderId FROM " + CLICKS + "),"
          + " steps AS (SELECT day, count(DISTINCT visitorId) AS visitors,"
          + " count(DISTINCT visitorId) FILTER (action = 'PRODUCT_VIEW') AS viewed,"
          + " count(DISTINCT visitorId) FILTER (action = 'ADD_TO_CART') AS added_to_cart,"
          + " count(DISTINCT visitorId) FILTER (action = 'CHECKOUT') AS checked_out,"
          + " count(DISTINCT visitorId) FILTER (action = 'CHECKOUT'"
          + " AND orderId IN (SELECT orderId FROM kept)) AS ordered"
          + " FROM clicks GROUP BY day)"
          + " SELECT day, CAST(visitors AS BIGINT) AS visitors, CAST(viewed AS BIGINT) AS viewed,"
          + " CAST(added_to_cart AS BIGINT) AS added_to_cart,"
          + " CAST(checked_out AS BIGINT) AS checked_out, CAST(ordered AS BIGINT) AS ordered,"
          + ratio("viewed", "visitors", "view_rate") + ","
          + ratio("added_to_cart", "viewed", "cart_rate") + ","
          + ratio("checked_out", "added_to_cart", "checkout_rate") + ","
          + ratio("ordered", "checked_out", "order_rate") + ","
          + ratio("ordered", "visitors", "conversion")
          + " FROM steps ORDER BY day");

  public static final List<Refinement> ALL = List.of(DAILY_REVENUE, CUSTOMER_LIFETIME_VALUE,
      STOCK_TURNOVER, DAILY_FUNNEL);

  private static String ratio(String part, String whole, String name) {
    return " CAST(round(" + part + " / nullif(" + whole + ", 0), 4) AS DOUBLE) AS " + name;
  }

  private Refinements() {
  }
}
