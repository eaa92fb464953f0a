package io.eventshop.search.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
