package io.eventshop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.search.index.SearchAnswer.FacetCount;
import io.eventshop.search.index.SearchAnswer.Hit;
import io.eventshop.search.index.SearchRequest.Filters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mappings and queries of the index, the same on every backend: one subclass a backend
 * ({@link SearchIndexTest} embedded Lucene, {@link OpenSearchIndexIT} a real OpenSearch node).
 * Each test starts from an index that holds only the same few products, customers and orders.
 */
abstract class SearchIndexContract {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  protected SearchIndex index;

  /**
   * Opens the backend's index where the previous one of this test was (a new one for the first),
   * the way the service opens it at start.
   */
  protected abstract SearchIndex openIndex();

  @BeforeEach
  void open() {
    index = openIndex();
    index.purgeAll();
    IndexChanges changes = new IndexChanges();
    changes.put(product("mug-1", "Enamel Mug", "A sturdy camping mug in blue enamel", "kitchen",
        "12.50", 5L, 1L));
    changes.put(product("kettle-1", "Whistling Kettle", "A stovetop kettle that sings",
        "kitchen", "49.00", 0L, 0L));
    changes.put(product("lamp-1", "Reading Lamp", "A lamp with a warm bulb", "living",
        "89.90", 2L, 0L));
    changes.put(product("battery-1", "Battery Pack", "Rechargeable batteries for lamps",
        "electronics", "19.99", null, null));
    changes.put(new CustomerDocument("c-1", "Ada Lovelace", "ada@example.ch", "Zürich", "CH",
        "ACTIVE"));
    changes.put(new CustomerDocument("c-2", "Grace Hopper", "grace@example.com", "Arlington",
        "US", "ACTIVE"));
    changes.put(new OrderDocument("o-1", "c-1", "Ada Lovelace", List.of("Enamel Mug"),
        List.of("mug-1"), List.of("kitchen"), "VALIDATED", "CH", new BigDecimal("25.00"), NOW));
    changes.put(new OrderDocument("o-2", "c-2", "Grace Hopper", List.of("Reading Lamp"),
        List.of("lamp-1"), List.of("living"), "PLACED", "US", new BigDecimal("89.90"),
        NOW.plusSeconds(60)));
    index.apply(changes);
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void findsAProductDespiteATypo() {
    assertThat(ids(search("kettel"))).containsExactly("kettle-1");
    assertThat(ids(search("enamle mgu"))).containsExactly("mug-1");
    assertThat(ids(search("ekttle"))).as("a typo in the first letter").containsExactly("kettle-1");
  }

  @Test
  void findsAPluralByItsStem() {
    assertThat(ids(search("mugs"))).containsExactly("mug-1");
    assertThat(ids(search("lamps"))).contains("lamp-1", "battery-1");
  }

  @Test
  void phrasesMatchWordsInOrderOnly() {
    assertThat(ids(search("\"camping mug\""))).containsExactly("mug-1");
    assertThat(ids(search("\"mug camping\""))).isEmpty();
  }

  @Test
  void prefixesMatchTheStartOfAWord() {
    assertThat(ids(search("whist*"))).containsExactly("kettle-1");
    assertThat(ids(search("ZÜR*", DocumentType.CUSTOMER))).containsExactly("c-1");
  }

  @Test
  void countsFacetsOfTheMatchingProducts() {
    SearchAnswer answer = search("");

    assertThat(answer.total()).isEqualTo(4);
    assertThat(answer.facets().get("category")).contains(new FacetCount("kitchen", 2),
        new FacetCount("living", 1), new FacetCount("electronics", 1));
    assertThat(answer.facets().get("price")).contains(new FacetCount("10-50", 3),
        new FacetCount("50-100", 1), new FacetCount("-10", 0));
    assertThat(answer.facets().get("inStock")).containsExactly(new FacetCount("true", 2),
        new FacetCount("false", 2));
  }

  @Test
  void filtersByCategoryPriceAndStock() {
    assertThat(ids(search(new Filters("kitchen", null, null, null, null, null))))
        .containsExactlyInAnyOrder("mug-1", "kettle-1");
    assertThat(ids(search(new Filters(null, new BigDecimal("20"), new BigDecimal("90"), null,
        null, null)))).containsExactlyInAnyOrder("kettle-1", "lamp-1");
    assertThat(ids(search(new Filters(null, null, null, true, null, null))))
        .containsExactlyInAnyOrder("mug-1", "lamp-1");
  }

  @Test
  void highlightsWhatMatchedEvenWithATypo() {
    Hit hit = search("campign").hits().get(0);

    assertThat(hit.highlights().get("description")).singleElement().asString()
        .contains("<em>camping</em>");
    assertThat(hit.fields()).containsEntry("name", "Enamel Mug")
        .containsEntry("available", 4L).containsEntry("inStock", true);
    assertThat(hit.score()).isPositive();
  }

  @Test
  void sortsByAFieldInEitherDirection() {
    SearchRequest byPrice = new SearchRequest(DocumentType.PRODUCT, QueryText.parse(""),
        Filters.NONE, "-price", 0, 10);

    assertThat(ids(index.search(byPrice))).containsExactly("lamp-1", "kettle-1", "battery-1",
        "mug-1");
  }

  @Test
  void pagesThroughTheHits() {
    SearchRequest second = new SearchRequest(DocumentType.PRODUCT, QueryText.parse(""),
        Filters.NONE, "price", 1, 3);

    SearchAnswer answer = index.search(second);
    assertThat(answer.total()).isEqualTo(4);
    assertThat(ids(answer)).containsExactly("lamp-1");
  }

  @Test
  void aDeletedProductIsNoLongerFoundButItsStockStaysKnown() {
    IndexChanges changes = new IndexChanges();
    changes.catalogue("mug-1", null);
    index.apply(changes);

    assertThat(ids(search("mug"))).isEmpty();
    assertThat(index.product("mug-1")).hasValueSatisfying(kept -> {
      assertThat(kept.listed()).isFalse();
      assertThat(kept.available()).isEqualTo(4L);
    });
  }

  @Test
  void aTombstoneOfBothHalvesRemovesTheDocument() {
    IndexChanges changes = new IndexChanges();
    changes.catalogue("battery-1", null);
    index.apply(changes);

    assertThat(index.product("battery-1")).isEmpty();
    assertThat(ids(search("battery"))).isEmpty();
  }

  @Test
  void aChangedPriceShowsAtOnce() {
    IndexChanges changes = new IndexChanges();
    changes.catalogue("mug-1", ProductDocument.listed("mug-1", "Enamel Mug",
        "A sturdy camping mug", "kitchen", new BigDecimal("9.90"), NOW));
    index.apply(changes);

    assertThat(search("mug").hits()).singleElement().satisfies(hit ->
        assertThat(hit.fields()).containsEntry("price", new BigDecimal("9.90"))
            .containsEntry("available", 4L));
  }

  @Test
  void stockThatCameBeforeItsProductIsMergedWithIt() {
    IndexChanges stockFirst = new IndexChanges();
    stockFirst.stock("tent-1", 3L, 0L);
    index.apply(stockFirst);
    assertThat(ids(search("tent"))).isEmpty();

    IndexChanges product = new IndexChanges();
    product.catalogue("tent-1", ProductDocument.listed("tent-1", "Dome Tent", "For two",
        "outdoor", new BigDecimal("199.00"), NOW));
    index.apply(product);

    assertThat(search("tent").hits()).singleElement().satisfies(hit ->
        assertThat(hit.fields()).containsEntry("available", 3L).containsEntry("inStock", true));
  }

  @Test
  void aStockTombstoneLeavesTheProductOutOfStock() {
    IndexChanges changes = new IndexChanges();
    changes.stock("mug-1", null, null);
    index.apply(changes);

    assertThat(search("mug").hits()).singleElement().satisfies(hit ->
        assertThat(hit.fields()).doesNotContainKey("available").containsEntry("inStock", false));
  }

  @Test
  void aCustomerTombstoneRemovesTheCustomer() {
    IndexChanges changes = new IndexChanges();
    changes.deleteCustomer("c-1");
    index.apply(changes);

    assertThat(ids(search("lovelace", DocumentType.CUSTOMER))).isEmpty();
  }

  @Test
  void customersAreFoundByNameEmailAndCityWithTheirCountryFacet() {
    assertThat(ids(search("lovelace", DocumentType.CUSTOMER))).containsExactly("c-1");
    assertThat(ids(search("grace@example.com", DocumentType.CUSTOMER))).containsExactly("c-2");
    assertThat(ids(search("zurich", DocumentType.CUSTOMER))).containsExactly("c-1");
    assertThat(search("", DocumentType.CUSTOMER).facets().get("country"))
        .contains(new FacetCount("CH", 1), new FacetCount("US", 1));
  }

  @Test
  void ordersAreFoundByCustomerAndProductAndFilteredByState() {
    assertThat(ids(search("lovlace", DocumentType.ORDER))).containsExactly("o-1");
    assertThat(ids(search("lamp", DocumentType.ORDER))).containsExactly("o-2");
    assertThat(ids(search("mug-1", DocumentType.ORDER))).containsExactly("o-1");
    assertThat(ids(index.search(new SearchRequest(DocumentType.ORDER, QueryText.parse(""),
        new Filters(null, null, null, null, null, "PLACED"), "-date", 0, 10))))
        .containsExactly("o-2");
    assertThat(search("", DocumentType.ORDER).facets().get("state"))
        .contains(new FacetCount("PLACED", 1), new FacetCount("VALIDATED", 1));
  }

  @Test
  void suggestsProductsByPrefixAndWithATypo() {
    assertThat(index.suggest("ket", 10)).extracting(SearchAnswer.Suggestion::id)
        .containsExactly("kettle-1");
    assertThat(index.suggest("readng la", 10)).extracting(SearchAnswer.Suggestion::text)
        .containsExactly("Reading Lamp");
  }

  @Test
  void keepsTheCheckpointsWithTheDocuments() {
    IndexChanges changes = new IndexChanges();
    changes.readUpTo(new TopicPartition("products", 0), 7);
    changes.readUpTo(new TopicPartition("products", 1), 3);
    index.apply(changes);
    index.close();

    index = openIndex();
    assertThat(index.checkpoints()).containsEntry(new TopicPartition("products", 0), 7L)
        .containsEntry(new TopicPartition("products", 1), 3L);
    assertThat(ids(search("kettle"))).containsExactly("kettle-1");
  }

  private SearchAnswer search(String q) {
    return search(q, DocumentType.PRODUCT);
  }

  private SearchAnswer search(String q, DocumentType type) {
    return index.search(new SearchRequest(type, QueryText.parse(q), Filters.NONE, "relevance", 0,
        10));
  }

  private SearchAnswer search(Filters filters) {
    return index.search(new SearchRequest(DocumentType.PRODUCT, QueryText.parse(""), filters,
        "relevance", 0, 10));
  }

  private static List<String> ids(SearchAnswer answer) {
    return answer.hits().stream().map(Hit::id).toList();
  }

  private static ProductDocument product(String sku, String name, String description,
                                         String category, String price, Long onHand,
                                         Long reserved) {
    return ProductDocument.listed(sku, name, description, category, new BigDecimal(price), NOW)
        .withStock(onHand, reserved);
  }
}
