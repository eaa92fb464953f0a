package io.eventshop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.search.OpenSearchNode;
import io.eventshop.search.index.SearchAnswer.Hit;
import io.eventshop.search.index.SearchRequest.Filters;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchIndexContract} on a real OpenSearch node ({@link OpenSearchNode}, the one of the
 * JVM), through {@link SearchIndex#elasticsearch(String, String, String, String)} as the service
 * opens it with {@code eventshop.search.url} and nothing else: the version asked of the node, the
 * indexes created by Hibernate Search at the first open and validated at the next ones.
 */
class OpenSearchIndexIT extends SearchIndexContract {

  @Override
  protected SearchIndex openIndex() {
    return SearchIndex.elasticsearch(OpenSearchNode.shared().url(), null, null, null);
  }

  @Test
  void searchesWithTheVersionGivenInsteadOfAsked() {
    // eventshop.search.version, for a managed cluster that does not let its version be read
    try (SearchIndex given = SearchIndex.elasticsearch(OpenSearchNode.shared().url(), null, null,
        "opensearch:2.19")) {
      SearchAnswer answer = given.search(new SearchRequest(DocumentType.PRODUCT,
          QueryText.parse("kettel"), Filters.NONE, "relevance", 0, 10));

      assertThat(answer.hits()).extracting(Hit::id).containsExactly("kettle-1");
    }
  }
}
