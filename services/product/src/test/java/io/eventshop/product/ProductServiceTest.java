package io.eventshop.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.web.Conflict;
import io.eventshop.platform.web.NotFound;
import io.eventshop.product.domain.ProductDraft;
import io.eventshop.product.kafka.ProductWriter;
import io.eventshop.product.streams.CatalogueView;
import io.eventshop.product.streams.ProductTopology;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service between its store and its writer: the store is a {@code TopologyTestDriver}'s,
 * which sees a write only when the test pipes it in — the lag of the real store, made explicit.
 */
class ProductServiceTest {

  private static final ProductDraft MUG =
      new ProductDraft("Mug", "", "kitchen", new BigDecimal("12.50"));
  private final AvroSerde<Product> serde = AvroSerde.forValues(Product.class,
      SerdeConfig.autoRegistering("http://unused"), new InMemorySchemaRegistryClient());
  private final TopologyTestDriver driver = driver(serde);
  private final KeyValueStore<String, Product> store =
      driver.getKeyValueStore(ProductTopology.STORE);
  private final TestInputTopic<String, Product> products = driver.createInputTopic(
      Topics.PRODUCTS.name(), new StringSerializer(), serde.serializer());
  private final MockProducer<String, Product> producer =
      new MockProducer<>(true, null, new StringSerializer(), serde.serializer());
  private final ProductService service = new ProductService(new CatalogueView(() -> store),
      new ProductWriter(producer, Duration.ofSeconds(1)),
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void aProductIsReadableRightAfterItsCreateEvenBeforeTheStoreHasIt() {
    service.create("MUG-1", MUG);

    assertThat(store.get("MUG-1")).isNull();
    assertThat(service.find("MUG-1").name()).isEqualTo("Mug");
    assertThat(service.all()).extracting(item -> item.sku()).containsExactly("MUG-1");
  }

  @Test
  void aSecondCreateOfTheSameSkuIsRefusedBeforeTheStoreHasTheFirstAndWritesNothing() {
    service.create("MUG-1", MUG);

    assertThatThrownBy(() -> service.create("MUG-1", MUG)).isInstanceOf(Conflict.class);
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void aChangeOfAnUnknownProductWritesNothing() {
    assertThatThrownBy(() -> service.change("NOPE-1", MUG)).isInstanceOf(NotFound.class);
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void theStoreWinsOnceItHoldsTheWriteOrSomethingNewer() {
    service.create("MUG-1", MUG);
    Product newer = new Product("MUG-1", "Mug by another writer", "", "kitchen",
        new BigDecimal("15.00"), Instant.parse("2026-11-25T11:00:00Z"));

    products.pipeInput("MUG-1", newer);

    assertThat(service.find("MUG-1").name()).isEqualTo("Mug by another writer");
  }

  @Test
  void theWriteGoesToTheProductsTopicKeyedBySku() {
    service.create("MUG-1", MUG);

    assertThat(producer.history()).singleElement().satisfies(record -> {
      assertThat(record.topic()).isEqualTo(Topics.PRODUCTS.name());
      assertThat(record.key()).isEqualTo("MUG-1");
      assertThat(record.value().getPrice()).isEqualTo(new BigDecimal("12.50"));
    });
  }

  private static TopologyTestDriver driver(AvroSerde<Product> serde) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "product-service-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(ProductTopology.build(serde), config);
  }
}
