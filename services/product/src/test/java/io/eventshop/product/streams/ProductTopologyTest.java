package io.eventshop.product.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.streams.DeadLetterDeserializationHandler;
import io.eventshop.platform.kafka.DeadLetters;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTopologyTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final AvroSerde<Product> serde = AvroSerde.forValues(Product.class,
      SerdeConfig.autoRegistering("http://unused"), new InMemorySchemaRegistryClient());
  private TopologyTestDriver driver;
  private TestInputTopic<String, Product> products;
  private KeyValueStore<String, Product> store;

  @BeforeEach
  void startTheTopology() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "product-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    driver = new TopologyTestDriver(ProductTopology.build(serde), config);
    products = driver.createInputTopic(Topics.PRODUCTS.name(), new StringSerializer(),
        serde.serializer());
    store = driver.getKeyValueStore(ProductTopology.STORE);
  }

  @AfterEach
  void stopTheTopology() {
    driver.close();
  }

  @Test
  void theStoreHoldsTheLatestVersionOfEveryProduct() {
    products.pipeInput("MUG-1", product("MUG-1", "12.50"));
    products.pipeInput("TEA-1", product("TEA-1", "4.20"));
    products.pipeInput("MUG-1", product("MUG-1", "9.90"));

    assertThat(store.get("MUG-1").getPrice()).isEqualTo(new BigDecimal("9.90"));
    assertThat(store.get("TEA-1").getPrice()).isEqualTo(new BigDecimal("4.20"));
    try (var all = store.all()) {
      assertThat(all).toIterable().extracting(entry -> entry.key).containsExactly("MUG-1", "TEA-1");
    }
  }

  @Test
  void aTombstoneRemovesAProduct() {
    products.pipeInput("MUG-1", product("MUG-1", "12.50"));
    products.pipeInput("MUG-1", (Product) null);

    assertThat(store.get("MUG-1")).isNull();
  }

  @Test
  void anUndecodableRecordGoesToTheDeadLetterTopicAndTheNextIsStored() {
    TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.PRODUCTS.name(),
        new ByteArraySerializer(), new ByteArraySerializer());
    TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(
        Topics.PRODUCTS.deadLetterTopicName(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());

    raw.pipeInput("BAD-1".getBytes(StandardCharsets.UTF_8), "not avro".getBytes());
    products.pipeInput("MUG-1", product("MUG-1", "12.50"));

    var deadLetter = deadLetters.readRecord();
    assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("BAD-1");
    assertThat(new String(deadLetter.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value(),
        StandardCharsets.UTF_8)).isEqualTo(Topics.PRODUCTS.name());
    assertThat(store.get("BAD-1")).isNull();
    assertThat(store.get("MUG-1")).isNotNull();
  }

  private static Product product(String sku, String price) {
    return new Product(sku, "name of " + sku, "", "kitchen", new BigDecimal(price), NOW);
  }
}
