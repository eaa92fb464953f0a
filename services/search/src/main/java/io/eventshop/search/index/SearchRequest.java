package io.eventshop.search.index;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One search: what to look for, how to narrow and order it, which page.
 *
 * @param type    which index
 * @param query   the parsed query text
 * @param filters the exact conditions, each applying to some types only
 * @param sort    {@code relevance} or a field of the type, {@code -field} for descending
 * @param page    the page, from 0
 * @param size    hits per page
 */
public record SearchRequest(DocumentType type, QueryText query, Filters filters, String sort,
                            int page, int size) {

  /** Most hits per page. */
  public static final int MAX_SIZE = 100;
  /**
   * How deep a search may page: Elasticsearch refuses more than 10,000 hits
   * ({@code index.max_result_window}), and a person never pages that far.
   */
  public static final int MAX_WINDOW = 10_000;

  /** The sorts each type offers, besides {@code relevance} (best match first). */
  static final Map<DocumentType, List<String>> SORTS = Map.of(
      DocumentType.PRODUCT, List.of("name", "price", "available"),
      DocumentType.CUSTOMER, List.of("name"),
      DocumentType.ORDER, List.of("date", "total"));

  /**
   * Filters; null leaves a condition out.
   *
   * @param category products of this category
   * @param minPrice products costing at least this
   * @param maxPrice products costing at most this
   * @param inStock  products with ({@code true}) or without ({@code false}) units available
   * @param country  customers of, or orders by customers of, this country (ISO code)
   * @param state    orders in this state ({@code PLACED}, {@code VALIDATED}, …)
   */
  public record Filters(String category, BigDecimal minPrice, BigDecimal maxPrice, Boolean inStock,
                        String country, String state) {

    public static final Filters NONE = new Filters(null, null, null, null, null, null);
  }

  /**
   * A request, checked: every filter applies to the type, the sort exists for it, the page lies
   * within {@link #MAX_WINDOW}.
   *
   * @throws InvalidQuery naming the first parameter at fault
   */
  public SearchRequest {
    requireFor(type, "category", filters.category(), DocumentType.PRODUCT);
    requireFor(type, "minPrice", filters.minPrice(), DocumentType.PRODUCT);
    requireFor(type, "maxPrice", filters.maxPrice(), DocumentType.PRODUCT);
    requireFor(type, "inStock", filters.inStock(), DocumentType.PRODUCT);
    requireFor(type, "country", filters.country(), DocumentType.CUSTOMER, DocumentType.ORDER);
    requireFor(type, "state", filters.state(), DocumentType.ORDER);
    if (filters.minPrice() != null && filters.maxPrice() != null
        && filters.minPrice().compareTo(filters.maxPrice()) > 0) {
      throw new InvalidQuery("minPrice", "must not be greater than maxPrice");
    }
    String field = sort.startsWith("-") ? sort.substring(1) : sort;
    if (!sort.equals("relevance") && !SORTS.get(type).contains(field)) {
      throw new InvalidQuery("sort", "must be relevance or one of " + SORTS.get(type)
          + " (a leading - for descending) for type=" + type.apiName());
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidQuery("size", "must be between 1 and " + MAX_SIZE);
    }
    if (page < 0 || (long) (page + 1) * size > MAX_WINDOW) {
      throw new InvalidQuery("page", "must be between 0 and " + (MAX_WINDOW / size - 1)
          + " for size " + size + " (at most " + MAX_WINDOW + " hits can be paged through)");
    }
  }

  /** The sort field without its direction, or {@code relevance}. */
  public String sortField() {
    return sort.startsWith("-") ? sort.substring(1) : sort;
  }

  public boolean descending() {
    return sort.startsWith("-");
  }

  private static void requireFor(DocumentType type, String parameter, Object value,
                                 DocumentType... types) {
    if (value != null && !List.of(types).contains(type)) {
      throw new InvalidQuery(parameter, "applies to type="
          + String.join(" or type=", List.of(types).stream().map(DocumentType::apiName).toList())
          + " only");
    }
  }
}
