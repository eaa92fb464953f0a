package io.eventshop.order;

import io.eventshop.testing.InMemorySchemaRegistry;

/**
 * The in-memory schema registry of every integration test of this module's test JVM. The tests
 * share one broker and its topics, so the records one test class wrote must decode in the next.
 */
final class TestSchemaRegistry {

  static final InMemorySchemaRegistry SHARED = new InMemorySchemaRegistry();

  private TestSchemaRegistry() {
  }
}
