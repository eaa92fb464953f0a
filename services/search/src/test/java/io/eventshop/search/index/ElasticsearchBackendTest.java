package io.eventshop.search.index;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.search.index.SearchRequest.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.hibernate.search.util.common.SearchException;
import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch backend without a cluster: the same mapping, analysis definitions and
 * queries are accepted by it, and a cluster that does not answer is a {@link SearchException}
 * (the API's 503), not something else. Indexing and searching against a real cluster are
 * {@link OpenSearchIndexIT}'s.
 */
class ElasticsearchBackendTest {

  @Test
  void acceptsTheMappingAndAnswersAnUnreachableClusterWithASearchException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // No schema management: creating the indexes needs the cluster.
    try (SearchIndex index = SearchIndex.elasticsearch("http://127.0.0.1:" + port, "elastic",
        "secret", "9.1", Map.of("hibernate.search.schema_management.strategy", "none",
            "hibernate.search.backend.request_timeout", 2_000))) {
      SearchRequest request = new SearchRequest(DocumentType.PRODUCT,
          QueryText.parse("\"camping mug\" ketle whist*"),
          new Filters("kitchen", null, null, true, null, null), "-price", 0, 10);

      assertThatThrownBy(() -> index.search(request)).isInstanceOf(SearchException.class);
      assertThatThrownBy(() -> index.suggest("mu", 5)).isInstanceOf(SearchException.class);
    }
  }
}
