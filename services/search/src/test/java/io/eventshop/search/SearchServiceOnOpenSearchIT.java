package io.eventshop.search;

import io.eventshop.search.index.SearchIndex;

/**
 * {@link SearchServiceContract} with the service on a real OpenSearch node
 * ({@code --eventshop.search.url}). Its indexes are purged before the first start, so the
 * service finds them as on a new cluster and reads every topic from its start; a restart finds
 * them as the service left them.
 */
class SearchServiceOnOpenSearchIT extends SearchServiceContract {

  private String url;

  @Override
  protected String[] indexSettings() {
    if (url == null) {
      url = OpenSearchNode.shared().url();
      try (SearchIndex index = SearchIndex.elasticsearch(url, null, null, null)) {
        index.purgeAll();
      }
    }
    return new String[] {"--eventshop.search.url=" + url};
  }
}
