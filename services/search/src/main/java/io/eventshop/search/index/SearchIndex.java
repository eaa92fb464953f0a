package io.eventshop.search.index;

import io.eventshop.search.index.QueryText.Clause;
import io.eventshop.search.index.QueryText.Phrase;
import io.eventshop.search.index.QueryText.Prefix;
import io.eventshop.search.index.QueryText.Word;
import io.eventshop.search.index.SearchAnswer.FacetCount;
import io.eventshop.search.index.SearchAnswer.Hit;
import io.eventshop.search.index.SearchAnswer.Suggestion;
import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateFieldMoreStep;
import org.hibernate.search.engine.search.predicate.dsl.MatchPredicateMatchingStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.sort.dsl.SortOrder;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.mapper.pojo.standalone.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.standalone.work.SearchWorkspace;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.util.common.data.Range;

/**
 * The shop's full-text index, one API over Hibernate Search's two backends: embedded Lucene in a
 * local directory ({@link #lucene}) or an Elasticsearch / OpenSearch cluster
 * ({@link #elasticsearch}). It holds {@link ProductDocument}s, {@link CustomerDocument}s,
 * {@link OrderDocument}s and the {@link IndexCheckpoint}s that say how far the topics were read.
 *
 * <p>Writes ({@link #apply}) are synchronous and visible when they return: the documents are
 * committed and the readers refreshed first, the checkpoints after them, so a crash between the
 * two leaves checkpoints that are behind the documents (records read again, which changes
 * nothing: every change is the latest state of its document), never ahead.
 */
public final class SearchIndex implements AutoCloseable {

  /** The sync strategy of every write: committed (Lucene) and searchable when it returns. */
  private static final IndexingPlanSynchronizationStrategy DURABLE_AND_VISIBLE =
      IndexingPlanSynchronizationStrategy.sync();
  /** The decimals a price or total is indexed with (and answered with, on either backend). */
  static final int MONEY_SCALE = 2;
  private static final int FACET_VALUES = 20;
  private static final List<Range<BigDecimal>> PRICE_RANGES = List.of(
      Range.canonical(null, new BigDecimal("10")),
      Range.canonical(new BigDecimal("10"), new BigDecimal("50")),
      Range.canonical(new BigDecimal("50"), new BigDecimal("100")),
      Range.canonical(new BigDecimal("100"), new BigDecimal("500")),
      Range.canonical(new BigDecimal("500"), null));

  /** A field shown in hits. */
  private record Stored(String name, Class<?> type, boolean multi) {
    static Stored one(String name, Class<?> type) {
      return new Stored(name, type, false);
    }
  }

  /**
   * Where one type's text lives: unstemmed fields (matched with typos, phrases, prefixes) and
   * stemmed ones (exact stems) with their boosts, keyword fields a word may equal, what hits show
   * and highlight, the index fields behind the API's sorts, and the terms facets.
   */
  private record Schema(Map<String, Float> plain, Map<String, Float> stemmed, List<String> exact,
                        List<Stored> stored, List<String> highlighted, Map<String, String> sorts,
                        List<String> termFacets) {
  }

  private static final Map<DocumentType, Schema> SCHEMAS = Map.of(
      DocumentType.PRODUCT, new Schema(
          ordered("name", 3f, "category_text", 2f, "description", 1f),
          ordered("name_stemmed", 3f, "description_stemmed", 1f),
          List.of(),
          List.of(Stored.one("name", String.class), Stored.one("description", String.class),
              Stored.one("category", String.class), Stored.one("price", BigDecimal.class),
              Stored.one("available", Long.class), Stored.one("inStock", Boolean.class)),
          List.of("name", "description"),
          Map.of("name", "name_sort", "price", "price", "available", "available"),
          List.of("category")),
      DocumentType.CUSTOMER, new Schema(
          ordered("name", 3f, "email", 2f, "city", 1f),
          Map.of(),
          List.of("id_keyword", "email_keyword"),
          List.of(Stored.one("name", String.class), Stored.one("email", String.class),
              Stored.one("city", String.class), Stored.one("country", String.class),
              Stored.one("status", String.class)),
          List.of("name", "email", "city"),
          Map.of("name", "name_sort"),
          List.of("country")),
      DocumentType.ORDER, new Schema(
          ordered("customerName", 2f, "productNames", 1f),
          Map.of(),
          List.of("id_keyword", "customerId", "skus"),
          List.of(Stored.one("customerId", String.class),
              Stored.one("customerName", String.class),
              new Stored("productNames", String.class, true),
              new Stored("skus", String.class, true), Stored.one("state", String.class),
              Stored.one("country", String.class), Stored.one("total", BigDecimal.class),
              Stored.one("placedAt", Instant.class)),
          List.of("customerName", "productNames"),
          Map.of("date", "placedAt", "total", "total"),
          List.of("state", "country")));

  private final CloseableSearchMapping mapping;
  private final String description;

  private SearchIndex(Map<String, Object> properties, String description) {
    this.mapping = SearchMapping.builder(AnnotatedTypeSource.fromClasses(ProductDocument.class,
            CustomerDocument.class, OrderDocument.class, IndexCheckpoint.class),
            MethodHandles.lookup())
        .properties(properties)
        .build();
    this.description = description;
  }

  /** An index of embedded Lucene in {@code directory} (one sub-directory per index). */
  public static SearchIndex lucene(Path directory) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("hibernate.search.backend.type", "lucene");
    properties.put("hibernate.search.backend.directory.root", directory.toString());
    // The index is derived: a Lucene that cannot read it is answered by a rebuild from the topics.
    properties.put("hibernate.search.backend.lucene_version", "LATEST");
    properties.put("hibernate.search.backend.analysis.configurer",
        "class:" + Analysis.Lucene.class.getName());
    return new SearchIndex(properties, "lucene at " + directory);
  }

  /**
   * An index in an Elasticsearch or OpenSearch cluster.
   *
   * @param uris     its base URLs, comma-separated ({@code https://search-1:9200})
   * @param username null without authentication
   * @param password with {@code username}
   * @param version  the cluster's distribution and version ({@code 9.1},
   *                 {@code opensearch:2.19}); null to ask the cluster at start
   */
  public static SearchIndex elasticsearch(String uris, String username, String password,
                                          String version) {
    return elasticsearch(uris, username, password, version, Map.of());
  }

  /** {@link #elasticsearch(String, String, String, String)} with further Hibernate Search settings. */
  static SearchIndex elasticsearch(String uris, String username, String password, String version,
                                   Map<String, Object> more) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("hibernate.search.backend.type", "elasticsearch");
    properties.put("hibernate.search.backend.uris", uris);
    if (username != null) {
      properties.put("hibernate.search.backend.username", username);
      properties.put("hibernate.search.backend.password", password == null ? "" : password);
    }
    if (version != null) {
      // Given, it is not asked: some managed clusters do not let a client read their version.
      properties.put("hibernate.search.backend.version", version);
      properties.put("hibernate.search.backend.version_check.enabled", false);
    }
    properties.put("hibernate.search.backend.analysis.configurer",
        "class:" + Analysis.Elasticsearch.class.getName());
    properties.putAll(more);
    return new SearchIndex(properties, "elasticsearch at " + uris);
  }

  /** Which backend, where (for logs and health). */
  public String description() {
    return description;
  }

  /** Per partition, the offset of the next record the index has not taken yet. */
  public Map<TopicPartition, Long> checkpoints() {
    try (SearchSession session = mapping.createSession()) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      session.search(IndexCheckpoint.class).select(IndexCheckpoint.class)
          .where(f -> f.matchAll()).fetchAllHits()
          .forEach(checkpoint -> offsets.put(
              new TopicPartition(checkpoint.topic(), checkpoint.partition()),
              checkpoint.nextOffset()));
      return offsets;
    }
  }

  /** The product as the index holds it, listed or not. */
  public Optional<ProductDocument> product(String sku) {
    try (SearchSession session = mapping.createSession()) {
      return session.search(ProductDocument.class).select(ProductDocument.class)
          .where(f -> f.id().matching(sku)).fetchSingleHit();
    }
  }

  private Map<String, ProductDocument> products(Collection<String> skus) {
    if (skus.isEmpty()) {
      return Map.of();
    }
    try (SearchSession session = mapping.createSession()) {
      Map<String, ProductDocument> found = new HashMap<>();
      session.search(ProductDocument.class).select(ProductDocument.class)
          .where(f -> f.id().matchingAny(skus)).fetchHits(skus.size())
          .forEach(product -> found.put(product.sku(), product));
      return found;
    }
  }

  /**
   * Writes {@code changes}: documents first, then the checkpoints, each committed and visible
   * when this returns.
   */
  public void apply(IndexChanges changes) {
    if (!changes.products().isEmpty() || !changes.customers().isEmpty()
        || !changes.orders().isEmpty()) {
      Map<String, ProductDocument> current = products(changes.products().keySet());
      try (SearchSession session = durableSession()) {
        SearchIndexingPlan plan = session.indexingPlan();
        changes.products().forEach((sku, change) -> {
          ProductDocument product = change.applyTo(current.getOrDefault(sku,
              new ProductDocument(sku, null, null, null, null, null, null, null)));
          write(plan, ProductDocument.class, sku, product.isEmpty() ? null : product);
        });
        changes.customers().forEach((id, customer) -> write(plan, CustomerDocument.class, id,
            customer));
        changes.orders().forEach((id, order) -> write(plan, OrderDocument.class, id, order));
      }
    }
    if (!changes.nextOffsets().isEmpty()) {
      try (SearchSession session = durableSession()) {
        changes.nextOffsets().forEach((partition, next) -> session.indexingPlan().addOrUpdate(
            IndexCheckpoint.of(partition.topic(), partition.partition(), next)));
      }
    }
  }

  /** Deletes every document and checkpoint, committed: the start of a rebuild from the topics. */
  public void purgeAll() {
    try (SearchSession session = mapping.createSession()) {
      SearchWorkspace workspace = session.workspace();
      workspace.purge();
      workspace.flush();
      workspace.refresh();
    }
  }

  /** Runs {@code request}. */
  public SearchAnswer search(SearchRequest request) {
    Schema schema = SCHEMAS.get(request.type());
    AggregationKey<Map<Range<BigDecimal>, Long>> priceKey = AggregationKey.of("price");
    AggregationKey<Map<Boolean, Long>> stockKey = AggregationKey.of("inStock");
    Map<String, AggregationKey<Map<String, Long>>> termKeys = new LinkedHashMap<>();
    schema.termFacets().forEach(field -> termKeys.put(field, AggregationKey.of(field)));
    try (SearchSession session = mapping.createSession()) {
      var query = session.search(List.of(request.type().documentClass()))
          .select(f -> f.composite()
              .from(projections(f, schema).toArray(ProjectionFinalStep<?>[]::new)).asList())
          .where(f -> predicate(f, request, schema))
          .sort(f -> sort(f, request, schema));
      termKeys.forEach((field, key) -> query.aggregation(key,
          f -> f.terms().field(field, String.class).maxTermCount(FACET_VALUES)));
      if (request.type() == DocumentType.PRODUCT) {
        query.aggregation(priceKey, f -> f.range().field("price", BigDecimal.class)
            .ranges(PRICE_RANGES));
        query.aggregation(stockKey, f -> f.terms().field("inStock", Boolean.class));
      }
      SearchResult<List<?>> result = query.fetch(request.page() * request.size(),
          request.size());
      Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
      termKeys.forEach((field, key) -> facets.put(field, result.aggregation(key).entrySet()
          .stream().map(e -> new FacetCount(e.getKey(), e.getValue())).toList()));
      if (request.type() == DocumentType.PRODUCT) {
        facets.put("price", result.aggregation(priceKey).entrySet().stream()
            .map(e -> new FacetCount(label(e.getKey()), e.getValue())).toList());
        Map<Boolean, Long> stock = result.aggregation(stockKey);
        facets.put("inStock", List.of(
            new FacetCount("true", stock.getOrDefault(true, 0L)),
            new FacetCount("false", stock.getOrDefault(false, 0L))));
      }
      Highlighter highlighter = new Highlighter(request.query());
      List<Hit> hits = result.hits().stream()
          .map(row -> hit(request.type(), schema, row, highlighter)).toList();
      return new SearchAnswer(request.type().apiName(), result.total().hitCountLowerBound(),
          request.page(), request.size(), hits, facets);
    }
  }

  /**
   * Products whose name starts like {@code text} (each word a prefix, within a typo for words of
   * three letters or more), best first.
   */
  public List<Suggestion> suggest(String text, int size) {
    String folded = text.strip();
    try (SearchSession session = mapping.createSession()) {
      return session.search(ProductDocument.class)
          .select(f -> f.composite().from(f.id(String.class), f.field("name", String.class))
              .asList())
          .where(f -> f.bool()
              .filter(f.match().field("listed").matching(true))
              .must(f.bool()
                  .should(f.match().field("name_suggest").matching(folded)
                      .minimumShouldMatchPercent(100).boost(2f))
                  .should(f.match().field("name_suggest").matching(folded)
                      .minimumShouldMatchPercent(100).fuzzy(folded.length() >= 3 ? 1 : 0, 1))))
          .sort(f -> f.score().then().field("name_sort"))
          .fetchHits(size).stream()
          .map(row -> new Suggestion(DocumentType.PRODUCT.apiName(), (String) row.get(0),
              (String) row.get(1)))
          .toList();
    }
  }

  @Override
  public void close() {
    mapping.close();
  }

  private SearchSession durableSession() {
    return mapping.createSessionWithOptions()
        .indexingPlanSynchronizationStrategy(DURABLE_AND_VISIBLE).build();
  }

  private static void write(SearchIndexingPlan plan, Class<?> type, String id, Object document) {
    if (document == null) {
      plan.purge(type, id, null);
    } else {
      plan.addOrUpdate(document);
    }
  }

  private static List<ProjectionFinalStep<?>> projections(SearchProjectionFactory<?, ?> f,
                                                          Schema schema) {
    List<ProjectionFinalStep<?>> projections = new ArrayList<>();
    projections.add(f.id(String.class));
    projections.add(f.score());
    for (Stored field : schema.stored()) {
      projections.add(field.multi() ? f.field(field.name(), field.type()).list()
          : f.field(field.name(), field.type()));
    }
    return projections;
  }

  private static PredicateFinalStep predicate(SearchPredicateFactory f, SearchRequest request,
                                              Schema schema) {
    BooleanPredicateClausesStep<?, ?> bool = f.bool();
    if (request.query().matchesAll()) {
      bool.must(f.matchAll());
    }
    for (Clause clause : request.query().clauses()) {
      bool.must(clause(f, clause, schema));
    }
    SearchRequest.Filters filters = request.filters();
    if (request.type() == DocumentType.PRODUCT) {
      bool.filter(f.match().field("listed").matching(true));
    }
    if (filters.category() != null) {
      bool.filter(f.match().field("category").matching(filters.category()));
    }
    if (filters.minPrice() != null || filters.maxPrice() != null) {
      bool.filter(f.range().field("price")
          .between(filters.minPrice(), filters.maxPrice()));
    }
    if (filters.inStock() != null) {
      bool.filter(f.match().field("inStock").matching(filters.inStock()));
    }
    if (filters.country() != null) {
      bool.filter(f.match().field("country").matching(filters.country()));
    }
    if (filters.state() != null) {
      bool.filter(f.match().field("state").matching(filters.state()));
    }
    return bool;
  }

  /** One clause over every text field of the type. */
  private static PredicateFinalStep clause(SearchPredicateFactory f, Clause clause,
                                           Schema schema) {
    String[] plain = schema.plain().keySet().toArray(String[]::new);
    if (clause instanceof Phrase phrase) {
      return f.phrase().fields(plain).matching(phrase.text());
    }
    if (clause instanceof Prefix prefix) {
      List<String> parts = prefix.parts();
      BooleanPredicateClausesStep<?, ?> all = f.bool();
      parts.subList(0, parts.size() - 1).forEach(part -> all.must(part(f, part, schema)));
      all.must(f.prefix().fields(plain).matching(parts.get(parts.size() - 1)));
      return all;
    }
    Word word = (Word) clause;
    BooleanPredicateClausesStep<?, ?> any = f.bool();
    // The word as typed may be an id or a keyword (a sku, an email address)...
    any.should(f.id().matching(word.text()).boost(5f));
    for (String keyword : schema.exact()) {
      any.should(f.match().field(keyword).matching(word.text()).boost(5f));
    }
    // ... or text: each of its parts found by its stem, or within a typo or two.
    BooleanPredicateClausesStep<?, ?> text = f.bool();
    word.parts().forEach(part -> text.must(part(f, part, schema)));
    any.should(text);
    return any;
  }

  /** One run of letters or digits: exactly by its stem (preferred) or within its typo budget. */
  private static PredicateFinalStep part(SearchPredicateFactory f, String part, Schema schema) {
    BooleanPredicateClausesStep<?, ?> any = f.bool();
    // No exact prefix: a typo in the first letter ("kettle" typed "ketle" or "iettle") is as
    // common as any other, and the catalogue's term dictionary is small.
    any.should(fields(f, schema.plain()).matching(part)
        .fuzzy(QueryText.maxEditDistance(part), 0));
    if (!schema.stemmed().isEmpty()) {
      any.should(fields(f, schema.stemmed()).matching(part).boost(2f));
    } else {
      any.should(fields(f, schema.plain()).matching(part).boost(2f));
    }
    return any;
  }

  private static MatchPredicateMatchingStep<?> fields(SearchPredicateFactory f,
                                                      Map<String, Float> boosts) {
    MatchPredicateFieldMoreStep<?, ?> fields = null;
    for (Map.Entry<String, Float> field : boosts.entrySet()) {
      fields = fields == null ? f.match().field(field.getKey()).boost(field.getValue())
          : fields.field(field.getKey()).boost(field.getValue());
    }
    return fields;
  }

  private static SortFinalStep sort(SearchSortFactory f, SearchRequest request, Schema schema) {
    if (request.sortField().equals("relevance")) {
      return f.score();
    }
    SortOrder order = request.descending() ? SortOrder.DESC : SortOrder.ASC;
    // Ties (same price, same date) in a stable order, so pages never overlap.
    return f.field(schema.sorts().get(request.sortField())).order(order).then().score();
  }

  private static Hit hit(DocumentType type, Schema schema, List<?> row,
                         Highlighter highlighter) {
    String id = (String) row.get(0);
    Float score = (Float) row.get(1);
    Map<String, Object> fields = new LinkedHashMap<>();
    int column = 2;
    for (Stored field : schema.stored()) {
      Object value = row.get(column++);
      if (value instanceof BigDecimal amount) {
        // Lucene answers the indexed 9.90, Elasticsearch the JSON source's 9.9: one scale for both.
        value = amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
      }
      if (value != null) {
        fields.put(field.name(), value);
      }
    }
    Map<String, List<String>> highlights = new LinkedHashMap<>();
    for (String field : schema.highlighted()) {
      List<String> fragments = fields.get(field) instanceof List<?> values
          ? highlighter.fragments(values.stream().map(String::valueOf).toList())
          : highlighter.fragments((String) fields.get(field));
      if (!fragments.isEmpty()) {
        highlights.put(field, fragments);
      }
    }
    return new Hit(type.apiName(), id, score == null || score.isNaN() ? 0f : score, fields,
        highlights);
  }

  private static String label(Range<BigDecimal> range) {
    String low = range.lowerBoundValue().map(BigDecimal::toPlainString).orElse("");
    String high = range.upperBoundValue().map(BigDecimal::toPlainString).orElse("");
    return low + "-" + high;
  }

  private static Map<String, Float> ordered(Object... fieldsAndBoosts) {
    Map<String, Float> ordered = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndBoosts.length; i += 2) {
      ordered.put((String) fieldsAndBoosts[i], (Float) fieldsAndBoosts[i + 1]);
    }
    return ordered;
  }
}
