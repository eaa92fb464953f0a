package io.eventshop.search;

/** {@link SearchServiceContract} on the service's default backend, embedded Lucene. */
class SearchServiceIT extends SearchServiceContract {

  @Override
  protected String[] indexSettings() {
    return new String[0];
  }
}
