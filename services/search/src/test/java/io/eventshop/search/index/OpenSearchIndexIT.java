package io.eventshop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.search.index.SearchAnswer.Hit;
import io.eventshop.search.index.SearchRequest.Filters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchIndexContract} on a real OpenSearch node ({@link OpenSearchNode}, one for the
 * class), through {@link SearchIndex#elasticsearch(String, String, String, String)} as the
 * service opens it with {@code --search-url} and nothing else: the version asked of the node,
 * the indexes created by Hibernate Search at the first open and validated at the next ones.
 */
class OpenSearchIndexIT extends SearchIndexContract {

  private static OpenSearchNode node;

  @BeforeAll
  static void startNode() {
    node = OpenSearchNode.start();
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Override
  protected SearchIndex openIndex() {
    return SearchIndex.elasticsearch(node.url(), null, null, null);
  }

  @Test
  void searchesWithTheVersionGivenInsteadOfAsked() {
    // eventshop.search.version, for a managed cluster that does not let its version be read
    try (SearchIndex given = SearchIndex.elasticsearch(node.url(), null, null,
        "opensearch:2.19")) {
      SearchAnswer answer = given.search(new SearchRequest(DocumentType.PRODUCT,
          QueryText.parse("kettel"), Filters.NONE, "relevance", 0, 10));

      assertThat(answer.hits()).extracting(Hit::id).containsExactly("kettle-1");
    }
  }
}
