package io.eventshop.connect.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lake's landing with every real part: the worker as the launcher runs it (its own JVM, the
 * Iceberg sink on its plugin path, the repository's {@code lake-raw.json}), the shared broker,
 * and the tables read back with Iceberg's own reader, not with the query engine.
 */
class LakeLandingIT {

  private static final TableIdentifier PRODUCTS = TableIdentifier.of("raw", "products");
  private static final TableIdentifier ORDERS = TableIdentifier.of("raw", "orders");
  private static final Duration LANDING = Duration.ofSeconds(180);
  private static final AvroSerde<Product> SERDE = AvroSerde.forValues(Product.class,
      SerdeConfig.autoRegistering("http://in-memory"), SharedSchemaRegistry.INSTANCE);
  private static final AvroSerde<OrderEvent> ORDER_SERDE = AvroSerde.forValues(OrderEvent.class,
      SerdeConfig.autoRegistering("http://in-memory"), SharedSchemaRegistry.INSTANCE);

  private static final Path RUN = Path.of("target", "lake-landing-it");
  private static Path warehouse;
  private static RegistryStandIn registry;
  private static KafkaProducer<String, byte[]> producer;
  private static int port;
  private static WorkerProcess worker;

  @BeforeAll
  static void startAWorkerWithTheLakeConnector() throws IOException {
    SharedKafka.createTopics(Topics.all());
    deleteRecursively(RUN);
    warehouse = Files.createDirectories(RUN.resolve("lake")).toAbsolutePath();
    Path connectors = Files.createDirectories(RUN.resolve("connectors"));
    Files.copy(Path.of("connectors", "lake-raw.json"), connectors.resolve("lake-raw.json"));
    registry = new RegistryStandIn(SharedSchemaRegistry.INSTANCE);
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    port = SharedKafka.freePort();
    worker = startWorker();
  }

  @AfterAll
  static void stopEverything() throws InterruptedException {
    if (worker != null) {
      worker.stop();
    }
    if (producer != null) {
      producer.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void landsEveryRecordExactlyOnceAcrossAWorkerKilledWhileLanding() throws Exception {
    int landedBeforeTheLoad = landedRows().size();
    AtomicBoolean keepProducing = new AtomicBoolean(true);
    AtomicInteger produced = new AtomicInteger();
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      while (keepProducing.get()) {
        // ten records, then wait for the tenth: a steady load of a few thousand a second
        for (int i = 0; i < 9; i++) {
          producer.send(productRecord("sku-" + produced.incrementAndGet()));
        }
        sendAndWait(productRecord("sku-" + produced.incrementAndGet()));
      }
    });

    // killed once part of the load is committed and more is on its way
    await("the first commit of the load to raw.products").atMost(LANDING)
        .until(() -> landedRows().size() > landedBeforeTheLoad);
    int landedBeforeTheKill = landedRows().size();
    worker.kill();
    worker = startWorker();
    await("rows landed after the restart").atMost(LANDING)
        .until(() -> landedRows().size() > landedBeforeTheKill);
    keepProducing.set(false);
    load.get();

    List<String> topic = recordsOfTheTopic();
    await("every record of products in raw.products").atMost(LANDING)
        .until(() -> landedRows().size() >= topic.size());
    List<String> landed = landedRows();
    assertThat(produced.get()).isGreaterThan(landedBeforeTheKill);
    assertThat(landed).as("no record twice").doesNotHaveDuplicates();
    assertThat(landed).as("exactly the topic's records").containsExactlyInAnyOrderElementsOf(topic);
  }

  @Test
  void aRecordThatIsNoAvroGoesToTheDeadLetterTopicAndLandingGoesOn() {
    sendAndWait(new ProducerRecord<>(Topics.PRODUCTS.name(), "poison",
        "not an Avro record".getBytes(StandardCharsets.UTF_8)));
    sendAndWait(productRecord("after-the-poison"));

    await("the poison record in " + Topics.LAKE_DEAD_LETTERS.name()).atMost(LANDING)
        .until(() -> deadLetterSources().contains("poison<-" + Topics.PRODUCTS.name()));
    await("the next record landed").atMost(LANDING)
        .until(() -> landedRows().stream().anyMatch(row -> row.endsWith(":after-the-poison")));
  }

  @Test
  void aFieldTheContractGainsBecomesAColumnAndOlderRowsReadItAsNull() throws IOException {
    sendAndWait(productRecord("before-the-new-field"));
    sendAndWait(new ProducerRecord<>(Topics.PRODUCTS.name(), "with-a-colour",
        productWithAColour("with-a-colour", "blue")));

    await("raw.products with the column colour").atMost(LANDING)
        .until(() -> columnOfSku("colour").containsKey("with-a-colour"));
    Map<String, Object> colours = columnOfSku("colour");
    assertThat(colours).containsEntry("with-a-colour", "blue")
        .containsEntry("before-the-new-field", null);
  }

  @Test
  void anEventOfOneOfSeveralKindsLandsWithItsKindAsAColumn() throws IOException {
    String placed = "order-placed-" + UUID.randomUUID();
    String validated = "order-validated-" + UUID.randomUUID();
    sendAndWait(orderEvent(placed, OrderPlaced.newBuilder().setTotal(new BigDecimal("39.80"))
        .setLines(List.of(new OrderLine("KETTLE", 2, new BigDecimal("19.90")))).build()));
    sendAndWait(orderEvent(validated, new OrderValidated()));

    await("both orders in raw.orders").atMost(LANDING)
        .until(() -> payloadsOfOrders().keySet().containsAll(List.of(placed, validated)));
    Record placedPayload = payloadsOfOrders().get(placed);
    assertThat(placedPayload.getField("OrderValidated")).isNull();
    Record placement = (Record) placedPayload.getField("OrderPlaced");
    assertThat((BigDecimal) placement.getField("total")).isEqualByComparingTo("39.80");
    assertThat((List<?>) placement.getField("lines")).singleElement()
        .satisfies(line -> assertThat(((Record) line).getField("sku")).isEqualTo("KETTLE"));
    Record validatedPayload = payloadsOfOrders().get(validated);
    assertThat(validatedPayload.getField("OrderPlaced")).isNull();
    assertThat(validatedPayload.getField("OrderValidated")).isEqualTo(true);
  }

  @Test
  void tablesArePartitionedByTheDayOfTheirEventTime() {
    sendAndWait(productRecord("partitioned"));
    await("raw.products exists").atMost(LANDING).until(() -> catalog().tableExists(PRODUCTS));

    List<PartitionField> fields = catalog().loadTable(PRODUCTS).spec().fields();
    assertThat(fields).singleElement()
        .satisfies(field -> assertThat(field.transform().toString()).isEqualTo("day"))
        .satisfies(field -> assertThat(catalog().loadTable(PRODUCTS).schema()
            .findColumnName(field.sourceId())).isEqualTo("_kafka_timestamp"));
  }

  private static WorkerProcess startWorker() throws IOException {
    return WorkerProcess.start(port, RUN.resolve("worker.log"), List.of(
        "--eventshop.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
        "--eventshop.schema-registry.url=" + registry.url(),
        "--plugin.path=" + Path.of("target", "plugins").toAbsolutePath(),
        "--eventshop.connect.connectors-dir=" + RUN.resolve("connectors").toAbsolutePath(),
        "--eventshop.connect.variable.lake.warehouse=" + warehouse,
        "--group.id=lake-landing-it",
        "--config.storage.topic=lake-landing-it-configs",
        "--offset.storage.topic=lake-landing-it-offsets",
        "--status.storage.topic=lake-landing-it-status",
        // a killed worker's consumer leaves its group when its session ends: not 45 s here
        "--consumer.session.timeout.ms=10000"));
  }

  private static ProducerRecord<String, byte[]> productRecord(String sku) {
    Product product = Product.newBuilder().setSku(sku).setName("Kettle " + sku)
        .setDescription("boils water").setCategory("Kitchen")
        .setPrice(new BigDecimal("19.90")).setUpdatedAt(Instant.now()).build();
    return new ProducerRecord<>(Topics.PRODUCTS.name(), sku,
        SERDE.serialize(Topics.PRODUCTS.name(), product));
  }

  /**
   * A product written with the contract as it would be after gaining an optional field
   * ({@code colour}), registered like a new schema version, in the wire format.
   */
  private static byte[] productWithAColour(String sku, String colour) throws IOException {
    org.apache.avro.Schema evolved = new org.apache.avro.Schema.Parser().parse(
        Product.getClassSchema().toString().replaceFirst("\\]\\s*}\\s*$",
            ", {\"name\": \"colour\", \"type\": [\"null\", \"string\"], \"default\": null}]}"));
    int id = SharedSchemaRegistry.INSTANCE.register(Topics.PRODUCTS.valueSubject(), evolved);
    GenericRecord product = new GenericData.Record(evolved);
    product.put("sku", sku);
    product.put("name", "Kettle " + sku);
    product.put("description", "boils water");
    product.put("category", "Kitchen");
    product.put("price", ByteBuffer.wrap(new BigDecimal("19.90").unscaledValue().toByteArray()));
    product.put("updatedAt", Instant.now().toEpochMilli());
    product.put("colour", colour);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(evolved).write(product, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static ProducerRecord<String, byte[]> orderEvent(String orderId, Object payload) {
    OrderEvent event = OrderEvent.newBuilder().setOrderId(orderId).setCustomerId("c-lake")
        .setOccurredAt(Instant.now()).setPayload(payload).build();
    return new ProducerRecord<>(Topics.ORDERS.name(), orderId,
        ORDER_SERDE.serialize(Topics.ORDERS.name(), event));
  }

  /** The payload column of raw.orders by order id (none before the table exists). */
  private static Map<String, Record> payloadsOfOrders() throws IOException {
    HadoopCatalog catalog = catalog();
    if (!catalog.tableExists(ORDERS)) {
      return Map.of();
    }
    Map<String, Record> payloads = new HashMap<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(catalog.loadTable(ORDERS))
        .select("orderId", "payload").build()) {
      for (Record record : records) {
        payloads.put((String) record.getField("orderId"), (Record) record.getField("payload"));
      }
    }
    return payloads;
  }

  /** {@code column} of raw.products by sku, for the rows that have the column at all. */
  private static Map<String, Object> columnOfSku(String column) throws IOException {
    HadoopCatalog catalog = catalog();
    if (!catalog.tableExists(PRODUCTS)
        || catalog.loadTable(PRODUCTS).schema().findField(column) == null) {
      return Map.of();
    }
    Map<String, Object> values = new HashMap<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(catalog.loadTable(PRODUCTS))
        .select("sku", column).build()) {
      for (Record record : records) {
        values.put((String) record.getField("sku"), record.getField(column));
      }
    }
    return values;
  }

  private static void sendAndWait(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send " + record.key(), e);
    }
  }

  private static HadoopCatalog catalog() {
    HadoopCatalog catalog = new HadoopCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("lake", Map.of("warehouse", warehouse.toString()));
    return catalog;
  }

  /** The rows of raw.products in its current snapshot, as "partition:offset:sku". */
  private static List<String> landedRows() throws IOException {
    HadoopCatalog catalog = catalog();
    if (!catalog.tableExists(PRODUCTS)) {
      return List.of();
    }
    Table table = catalog.loadTable(PRODUCTS);
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table)
        .select("_kafka_partition", "_kafka_offset", "sku").build()) {
      for (Record record : records) {
        rows.add(record.getField("_kafka_partition") + ":" + record.getField("_kafka_offset")
            + ":" + record.getField("sku"));
      }
    }
    return rows;
  }

  /** Every readable record of the products topic, as "partition:offset:sku". */
  private static List<String> recordsOfTheTopic() {
    List<String> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRODUCTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (!"poison".equals(record.key())) {
            Product product = SERDE.deserialize(record.topic(), record.value());
            records.add(record.partition() + ":" + record.offset() + ":" + product.getSku());
          }
        }
      }
    }
    return records;
  }

  /** The dead letters' keys with the topic their header names, as "key<-topic". */
  private static Set<String> deadLetterSources() {
    Set<String> sources = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      TopicPartition partition = new TopicPartition(Topics.LAKE_DEAD_LETTERS.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Header topic = record.headers().lastHeader("__connect.errors.topic");
          sources.add(record.key() + "<-"
              + (topic == null ? "?" : new String(topic.value(), StandardCharsets.UTF_8)));
        }
      }
    }
    return sources;
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
      }
    }
  }
}
