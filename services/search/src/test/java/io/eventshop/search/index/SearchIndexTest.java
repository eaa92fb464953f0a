package io.eventshop.search.index;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.search.index.SearchRequest.Filters;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SearchIndexContract} on the embedded Lucene backend (a directory a test), no broker. */
class SearchIndexTest extends SearchIndexContract {

  @TempDir
  Path directory;

  @Override
  protected SearchIndex openIndex() {
    return SearchIndex.lucene(directory);
  }

  @Test
  void aQueryThatDoesNotParseIsRefusedNamingTheProblem() {
    assertThatThrownBy(() -> QueryText.parse("\"camping mug"))
        .isInstanceOf(InvalidQuery.class).hasMessage("q has a quote at position 1 that is not closed");
    assertThatThrownBy(() -> QueryText.parse("*mug"))
        .isInstanceOf(InvalidQuery.class).hasMessageContaining("q has a * at position 1");
    assertThatThrownBy(() -> new SearchRequest(DocumentType.CUSTOMER, QueryText.parse("x"),
        new Filters("kitchen", null, null, null, null, null), "relevance", 0, 10))
        .isInstanceOf(InvalidQuery.class).extracting("parameter").isEqualTo("category");
    assertThatThrownBy(() -> new SearchRequest(DocumentType.PRODUCT, QueryText.parse("x"),
        Filters.NONE, "relevance", 200, 100))
        .isInstanceOf(InvalidQuery.class).extracting("parameter").isEqualTo("page");
  }
}
