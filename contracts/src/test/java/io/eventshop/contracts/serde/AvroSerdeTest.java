package io.eventshop.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.contracts.SampleRecords;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.product.Product;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private static final String TOPIC = Topics.ORDERS.name();
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  @Test
  void everySampleRecordReadsBackEqualThroughTheSerde() {
    for (SpecificRecord record : SampleRecords.all()) {
      AvroSerde<SpecificRecord> serde = serdeOf(record);
      byte[] bytes = serde.serialize("topic-of-" + record.getSchema().getName(), record);
      assertThat(serde.deserialize("topic-of-" + record.getSchema().getName(), bytes))
          .as(record.getSchema().getName()).isEqualTo(record);
    }
  }

  @Test
  void writesMagicByteZeroThenTheRegisteredIdBigEndianThenAvroBinary() throws IOException {
    registry.register("padding-value", Product.getClassSchema()); // id 1 is taken by another type
    AvroSerde<OrderEvent> serde = autoRegistering(OrderEvent.class);
    OrderEvent placed = SampleRecords.orderPlaced();

    byte[] bytes = serde.serialize(TOPIC, placed);

    int id = registry.lookup(Topics.ORDERS.valueSubject(), OrderEvent.getClassSchema());
    assertThat(id).isEqualTo(2);
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(placed));
  }

  @Test
  void asksTheRegistryOnlyForTheFirstRecordOfATopic() {
    AvroSerde<OrderEvent> serde = autoRegistering(OrderEvent.class);
    for (int i = 0; i < 1000; i++) {
      serde.deserialize(TOPIC, serde.serialize(TOPIC, SampleRecords.orderPlaced()));
    }
    assertThat(registry.calls()).isEqualTo(2); // one register, one schema by id
  }

  @Test
  void registersUnderTheTopicsValueSubject() {
    autoRegistering(Product.class).serialize(Topics.PRODUCTS.name(), SampleRecords.product());
    assertThat(registry.latest("products-value").schema()).isEqualTo(Product.getClassSchema());
  }

  @Test
  void readsARecordWrittenWithAnOlderCompatibleSchemaIntoTodaysClass() throws IOException {
    Schema older = withoutField(OrderValidation.getClassSchema(), "detail");
    int olderId = registry.register(Topics.ORDER_VALIDATIONS.valueSubject(), older);
    GenericRecord old = new GenericData.Record(older);
    old.put("orderId", "order-1");
    old.put("customerId", "customer-1");
    old.put("validator", new GenericData.EnumSymbol(older.getField("validator").schema(),
        "CUSTOMER"));
    old.put("passed", false);
    old.put("reasons", List.of(new GenericData.EnumSymbol(
        older.getField("reasons").schema().getElementType(), "CREDIT_LIMIT_EXCEEDED")));
    old.put("validatedAt", SampleRecords.NOW.toEpochMilli());

    OrderValidation read = autoRegistering(OrderValidation.class)
        .deserialize(Topics.ORDER_VALIDATIONS.name(), framed(olderId, older, old));

    assertThat(read.getValidator()).isEqualTo(Validator.CUSTOMER);
    assertThat(read.getReasons()).containsExactly(RejectionReason.CREDIT_LIMIT_EXCEEDED);
    assertThat(read.getDetail()).isNull();
    assertThat(read.getValidatedAt()).isEqualTo(SampleRecords.NOW);
  }

  @Test
  void readsARecordWrittenWithANewerSchemaIgnoringTheFieldItDoesNotKnow() throws IOException {
    Schema newer = withExtraOptionalField(EnrichedOrder.getClassSchema(), "segment");
    int newerId = registry.register(Topics.ORDERS_ENRICHED.valueSubject(), newer);
    EnrichedOrder order = EnrichedOrder.newBuilder().setOrderId("order-1")
        .setCustomerId("customer-1").setCustomerName("Ada").setCountry("CH")
        .setTotal(new BigDecimal("25.80")).setPlacedAt(SampleRecords.NOW).build();
    GenericRecord asNewer = toGeneric(order, newer);
    asNewer.put("segment", "gold");

    EnrichedOrder read = autoRegistering(EnrichedOrder.class)
        .deserialize(Topics.ORDERS_ENRICHED.name(), framed(newerId, newer, asNewer));

    assertThat(read).isEqualTo(order);
  }

  @Test
  void withUseLatestVersionWritesWithTheSubjectsLatestSchemaAndNeverRegisters() {
    Schema newer = withExtraOptionalField(EnrichedOrder.getClassSchema(), "segment");
    registry.register(Topics.ORDERS_ENRICHED.valueSubject(), EnrichedOrder.getClassSchema());
    int newerId = registry.register(Topics.ORDERS_ENRICHED.valueSubject(), newer);
    AvroSerde<EnrichedOrder> serde = AvroSerde.forValues(EnrichedOrder.class,
        new SerdeConfig("http://unused", false, true), registry);
    EnrichedOrder order = EnrichedOrder.newBuilder().setOrderId("order-1")
        .setCustomerId("customer-1").setCountry("CH").setTotal(new BigDecimal("25.80"))
        .setPlacedAt(SampleRecords.NOW).build();

    byte[] bytes = serde.serialize(Topics.ORDERS_ENRICHED.name(), order);

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(newerId);
    assertThat(registry.latest(Topics.ORDERS_ENRICHED.valueSubject()).version()).isEqualTo(2);
    assertThat(serde.deserialize(Topics.ORDERS_ENRICHED.name(), bytes)).isEqualTo(order);
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaFailsClearly() {
    AvroSerde<Product> serde = AvroSerde.forValues(Product.class,
        new SerdeConfig("http://unused", false, false), registry);
    assertThatThrownBy(() -> serde.serialize(Topics.PRODUCTS.name(), SampleRecords.product()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("products-value").hasMessageContaining("not found");
  }

  @Test
  void aWrongMagicByteIsASerializationException() {
    byte[] bytes = autoRegistering(OrderEvent.class).serialize(TOPIC, SampleRecords.orderPlaced());
    bytes[0] = 1;
    assertThatThrownBy(() -> autoRegistering(OrderEvent.class).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1");
  }

  @Test
  void anUnknownSchemaIdIsASerializationException() {
    byte[] bytes = autoRegistering(OrderEvent.class).serialize(TOPIC, SampleRecords.orderPlaced());
    ByteBuffer.wrap(bytes).putInt(1, 4711);
    assertThatThrownBy(() -> autoRegistering(OrderEvent.class).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema id 4711");
  }

  @Test
  void truncatedBytesAreASerializationException() {
    byte[] bytes = autoRegistering(OrderEvent.class).serialize(TOPIC, SampleRecords.orderPlaced());
    AvroSerde<OrderEvent> serde = autoRegistering(OrderEvent.class);
    assertThatThrownBy(() -> serde.deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("5-byte header");
  }

  @Test
  void moneyWithMoreThanTwoDecimalsIsRefusedWhenWriting() {
    Product product = SampleRecords.product();
    product.setPrice(new BigDecimal("1.005"));
    assertThatThrownBy(() -> autoRegistering(Product.class).serialize("products", product))
        .isInstanceOf(SerializationException.class).hasMessageContaining("scale");
  }

  @Test
  void nullIsATombstoneBothWays() {
    AvroSerde<Product> serde = autoRegistering(Product.class);
    assertThat(serde.serialize("products", null)).isNull();
    assertThat(serde.deserialize("products", null)).isNull();
  }

  @Test
  void readsConfluentsPropertyNames() {
    assertThat(SerdeConfig.from(Map.of("schema.registry.url", "http://r:8081")))
        .isEqualTo(new SerdeConfig("http://r:8081", true, false));
    assertThat(SerdeConfig.from(Map.of("schema.registry.url", "http://r:8081",
        "auto.register.schemas", "false", "use.latest.version", true)))
        .isEqualTo(new SerdeConfig("http://r:8081", false, true));
    assertThat(SerdeConfig.from(new SerdeConfig("http://r:8081", false, true).asProperties()))
        .isEqualTo(new SerdeConfig("http://r:8081", false, true));
    assertThatThrownBy(() -> new AvroSerde<>(Product.class).configure(Map.of(), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
  }

  @Test
  void anUnconfiguredSerdeSaysHowToConfigureIt() {
    assertThatThrownBy(() -> new AvroSerde<>(Product.class).serialize("products",
        SampleRecords.product())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @SuppressWarnings("unchecked")
  private AvroSerde<SpecificRecord> serdeOf(SpecificRecord record) {
    return autoRegistering((Class<SpecificRecord>) record.getClass());
  }

  private <T extends SpecificRecord> AvroSerde<T> autoRegistering(Class<T> type) {
    return AvroSerde.forValues(type, SerdeConfig.autoRegistering("http://unused"), registry);
  }

  private static byte[] avroBinary(SpecificRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new org.apache.avro.specific.SpecificDatumWriter<SpecificRecord>(record.getSchema())
        .write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static byte[] framed(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema, genericWithLogicalTypes()).write(record,
        encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static GenericData genericWithLogicalTypes() {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
    data.addLogicalTypeConversion(
        new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
    return data;
  }

  private static GenericRecord toGeneric(SpecificRecord record, Schema schema) {
    GenericRecord generic = new GenericData.Record(schema);
    for (Schema.Field field : record.getSchema().getFields()) {
      generic.put(field.name(), record.get(field.pos()));
    }
    return generic;
  }

  private static Schema withoutField(Schema schema, String dropped) {
    List<Schema.Field> fields = schema.getFields().stream()
        .filter(field -> !field.name().equals(dropped))
        .map(field -> new Schema.Field(field, field.schema())).toList();
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
        fields);
  }

  private static Schema withExtraOptionalField(Schema schema, String added) {
    List<Schema.Field> fields = new java.util.ArrayList<>(schema.getFields().stream()
        .map(field -> new Schema.Field(field, field.schema())).toList());
    fields.add(new Schema.Field(added, Schema.createUnion(Schema.create(Schema.Type.NULL),
        Schema.create(Schema.Type.STRING)), null, Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
        fields);
  }
}
