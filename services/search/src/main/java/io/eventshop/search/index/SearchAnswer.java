package io.eventshop.search.index;

import java.util.List;
import java.util.Map;

/**
 * What a search found.
 *
 * @param type   the type searched
 * @param total  how many documents match (all pages)
 * @param page   this page, from 0
 * @param size   hits per page
 * @param hits   this page's hits, best first (or in the order asked for)
 * @param facets per facet, the count of matching documents per value
 */
public record SearchAnswer(String type, long total, int page, int size, List<Hit> hits,
                           Map<String, List<FacetCount>> facets) {

  /**
   * One document found.
   *
   * @param type       what it is
   * @param id         its id (sku, customer id, order id)
   * @param score      how well it matches (relevance; higher is better)
   * @param fields     its stored fields
   * @param highlights per field, the fragments where the query matched, matches in
   *                   {@code <em>…</em>}, the text HTML-escaped
   */
  public record Hit(String type, String id, float score, Map<String, Object> fields,
                    Map<String, List<String>> highlights) {
  }

  /** How many matching documents have {@code value}. */
  public record FacetCount(String value, long count) {
  }

  /** A suggestion for the search box. */
  public record Suggestion(String type, String id, String text) {
  }
}
