package io.eventshop.product.streams;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The catalogue as a table: the compacted {@code products} topic (key sku, value Avro
 * {@link Product}) materialised into the queryable store {@link #STORE}. Records that cannot be
 * decoded go to {@code products.dlq} (platform) and never reach the store.
 */
public final class ProductTopology {

  /** The store the REST API reads: sku -> product. */
  public static final String STORE = "products-by-sku";

  private ProductTopology() {
  }

  public static Topology build(Serde<Product> productSerde) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(Topics.PRODUCTS.name(), Consumed.with(Serdes.String(), productSerde),
        Materialized.<String, Product, KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(productSerde));
    return builder.build();
  }
}
