package io.eventshop.customer;

import io.eventshop.testing.InMemorySchemaRegistry;

/**
 * The in-memory schema registry of every integration test of this module's test JVM. The tests
 * share one broker and its topics, so the records one test class wrote must decode in the next:
 * with a registry each, the next class's customer view fails on schema ids it never saw.
 */
public final class TestSchemaRegistry {

  public static final InMemorySchemaRegistry SHARED = new InMemorySchemaRegistry();

  private TestSchemaRegistry() {
  }
}
