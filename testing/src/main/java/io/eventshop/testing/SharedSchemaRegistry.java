package io.eventshop.testing;

import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;

/**
 * The in-memory schema registry of every integration test in a test JVM, as {@link SharedKafka}
 * is its broker. The tests share the broker and its topics, so the records one test class wrote
 * must decode in the next: with a registry each, the next class's views would meet schema ids
 * they never saw.
 */
public final class SharedSchemaRegistry {

  public static final InMemorySchemaRegistryClient INSTANCE = new InMemorySchemaRegistryClient();

  private SharedSchemaRegistry() {
  }
}
