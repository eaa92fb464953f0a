package io.eventshop.lake.refine;

import java.util.List;
import java.util.Set;

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
  public static final Refinement DAILY_REVENUE = new Refinement("daily_revenue", Set.of(ORDERS),
      "WITH kept AS (" + KEPT_ORDERS + "), line AS ("
          + " SELECT orderId, country, placedAt, unnest(lines) AS line FROM kept)"
          + " SELECT CAST(placedAt AS DATE) AS day, coalesce(country, '?') AS country,"
          + " coalesce(line.category, '?') AS category, count(DISTINCT orderId) AS orders,"
          + " CAST(sum(line.quantity) AS BIGINT) AS units,"
          + " CAST(sum(line.quantity * line.unitPrice) AS DECIMAL(18, 2)) AS revenue"
          + " FROM line GROUP BY ALL ORDER BY day, country, category");

  /** Per customer: orders, revenue, first and last order. */
  public static final Refinement CUSTOMER_LIFETIME_VALUE = new Refinement(
      "customer_lifetime_value", Set.of(ORDERS),
      "WITH kept AS (" + KEPT_ORDERS + ")"
          + " SELECT customerId AS customer_id, any_value(customerName) AS name,"
          + " any_value(country) AS country, CAST(count(*) AS BIGINT) AS orders,"
          + " CAST(sum(total) AS DECIMAL(18, 2)) AS revenue, min(placedAt) AS first_order,"
          + " max(placedAt) AS last_order FROM kept GROUP BY customerId ORDER BY revenue DESC");

  public static final List<Refinement> ALL = List.of(DAILY_REVENUE, CUSTOMER_LIFETIME_VALUE);

  private Refinements() {
  }
}
