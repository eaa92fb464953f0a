package io.eventshop.connect.avro;

import static io.eventshop.connect.avro.DebeziumLikeSchemas.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.contracts.analytics.ProductViewCount;
import io.eventshop.contracts.customer.Address;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerStatus;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.WireFormat;
import io.eventshop.contracts.serde.RegisteredSchema;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.contracts.serde.SerdeConfig;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class RegistryAvroConverterTest {

  private static final String NOWHERE = "http://registry.invalid:8081";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final RegistryAvroConverter values = converter(false, Map.of());

  @Test
  void roundTripsAStructWithEveryPrimitiveType() {
    Schema schema = SchemaBuilder.struct().name("test.Primitives")
        .field("int8", Schema.INT8_SCHEMA)
        .field("int16", Schema.INT16_SCHEMA)
        .field("int32", Schema.INT32_SCHEMA)
        .field("int64", Schema.INT64_SCHEMA)
        .field("float32", Schema.FLOAT32_SCHEMA)
        .field("float64", Schema.FLOAT64_SCHEMA)
        .field("boolean", Schema.BOOLEAN_SCHEMA)
        .field("string", Schema.STRING_SCHEMA)
        .field("bytes", Schema.BYTES_SCHEMA)
        .build();
    Struct value = new Struct(schema)
        .put("int8", (byte) -8)
        .put("int16", (short) 1616)
        .put("int32", 323_232)
        .put("int64", 6_464_646_464L)
        .put("float32", 3.25f)
        .put("float64", -6.125)
        .put("boolean", true)
        .put("string", "grüezi")
        .put("bytes", new byte[] {0, 1, (byte) 0xff});

    SchemaAndValue read = roundTrip(schema, value);

    assertThat(read.schema()).isEqualTo(schema);
    assertThat(read.value()).isEqualTo(value);
    assertThat(((Struct) read.value()).get("int8")).isInstanceOf(Byte.class);
    assertThat(((Struct) read.value()).get("int16")).isInstanceOf(Short.class);
  }

  @Test
  void optionalFieldsReadBackAsNullWhenNullAndAsTheirValueOtherwise() {
    Schema schema = SchemaBuilder.struct().name("test.Optionals")
        .field("nothing", Schema.OPTIONAL_STRING_SCHEMA)
        .field("something", Schema.OPTIONAL_INT64_SCHEMA)
        .field("noStruct", SchemaBuilder.struct().name("test.Inner")
            .field("x", Schema.INT32_SCHEMA).optional().build())
        .build();
    Struct value = new Struct(schema).put("something", 7L);

    SchemaAndValue read = roundTrip(schema, value);

    assertThat(read.schema()).isEqualTo(schema);
    Struct struct = (Struct) read.value();
    assertThat(struct.get("nothing")).isNull();
    assertThat(struct.get("noStruct")).isNull();
    assertThat(struct.get("something")).isEqualTo(7L);
  }

  @Test
  void roundTripsNestedStructsArraysAndMaps() {
    Schema line = SchemaBuilder.struct().name("test.Line")
        .field("sku", Schema.STRING_SCHEMA)
        .field("quantity", Schema.INT32_SCHEMA)
        .build();
    Schema schema = SchemaBuilder.struct().name("test.Order")
        .field("lines", SchemaBuilder.array(line).build())
        .field("tags", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build())
        .field("attributes", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build())
        .field("byZone", SchemaBuilder.map(Schema.INT32_SCHEMA, line).build())
        .field("first", line)
        .build();
    Struct first = new Struct(line).put("sku", "A-1").put("quantity", 2);
    Struct second = new Struct(line).put("sku", "B-2").put("quantity", 5);
    Struct value = new Struct(schema)
        .put("lines", List.of(first, second))
        .put("tags", Arrays.asList("gift", null))
        .put("attributes", Map.of("weight", 1200L))
        .put("byZone", Map.of(4, second))
        .put("first", first);

    SchemaAndValue read = roundTrip(schema, value);

    assertThat(read.schema()).isEqualTo(schema);
    assertThat(read.value()).isEqualTo(value);
  }

  @Test
  void logicalTypesReadBackAsBigDecimalsAndDates() {
    Schema schema = SchemaBuilder.struct().name("test.Logical")
        .field("amount", Decimal.schema(2))
        .field("day", Date.SCHEMA)
        .field("time", Time.SCHEMA)
        .field("at", Timestamp.SCHEMA)
        .build();
    Struct value = new Struct(schema)
        .put("amount", new BigDecimal("-1234567890.25"))
        .put("day", new java.util.Date(20_423L * 86_400_000L))
        .put("time", new java.util.Date(45_296_789L))
        .put("at", new java.util.Date(1_764_590_400_123L));

    SchemaAndValue read = roundTrip(schema, value);

    assertThat(read.schema()).isEqualTo(schema);
    assertThat(read.value()).isEqualTo(value);
  }

  @Test
  void debeziumNamedTypesKeepTheirNamesVersionsAndParameters() {
    Schema schema = SchemaBuilder.struct().name("test.Named")
        .field("created_at", DebeziumLikeSchemas.MICRO_TIMESTAMP)
        .field("status", DebeziumLikeSchemas.STATUS)
        .build();
    Struct value = new Struct(schema).put("created_at", 1_764_590_400_123_456L)
        .put("status", "blocked");

    SchemaAndValue read = roundTrip(schema, value);

    Schema createdAt = read.schema().field("created_at").schema();
    assertThat(createdAt.type()).isEqualTo(Schema.Type.INT64);
    assertThat(createdAt.name()).isEqualTo("io.debezium.time.MicroTimestamp");
    assertThat(createdAt.version()).isEqualTo(1);
    Schema status = read.schema().field("status").schema();
    assertThat(status.name()).isEqualTo("io.debezium.data.Enum");
    assertThat(status.parameters()).containsExactlyEntriesOf(Map.of("allowed", "active,blocked"));
    assertThat(read.value()).isEqualTo(value);
  }

  @Test
  void aFlatDebeziumRowRoundTripsAsTheSameOptionalSchema() {
    Struct row = DebeziumLikeSchemas.row(42);

    SchemaAndValue read = roundTrip(DebeziumLikeSchemas.ROW, row);

    assertThat(read.schema()).isEqualTo(DebeziumLikeSchemas.ROW);
    assertThat(read.schema().isOptional()).isTrue();
    assertThat(read.value()).isEqualTo(row);
  }

  @Test
  void theDebeziumEnvelopeRoundTripsWithBeforeAfterAndSource() {
    Struct update = DebeziumLikeSchemas.update(42);

    SchemaAndValue read = roundTrip(DebeziumLikeSchemas.ENVELOPE, update);

    assertThat(read.schema()).isEqualTo(DebeziumLikeSchemas.ENVELOPE);
    assertThat(read.value()).isEqualTo(update);
    assertThat(((Struct) read.value()).getStruct("before").get("email")).isNull();
    assertThat(((Struct) read.value()).getStruct("after").get("email"))
        .isEqualTo("ada@example.com");
  }

  @Test
  void keysAreRegisteredUnderTheKeySubjectAndReadBack() {
    RegistryAvroConverter keys = converter(true, Map.of());

    byte[] bytes = keys.fromConnectData(TOPIC, DebeziumLikeSchemas.KEY,
        DebeziumLikeSchemas.key(42));

    RegisteredSchema registered = registry.latest(TOPIC + "-key");
    assertThat(idIn(bytes)).isEqualTo(registered.id());
    assertThat(registered.schema().getFullName()).isEqualTo("crm.public.customer.Key");
    assertThatThrownBy(() -> registry.latest(TOPIC + "-value"))
        .isInstanceOf(SchemaRegistryException.class);
    assertThat(keys.toConnectData(TOPIC, bytes).value()).isEqualTo(DebeziumLikeSchemas.key(42));
  }

  @Test
  void registersASchemaOnceForManyRecordsAndReadsItOnceForManyRecords() {
    byte[] first = write(DebeziumLikeSchemas.row(1));
    int callsAfterFirstWrite = registry.calls();
    for (long id = 2; id <= 100; id++) {
      write(DebeziumLikeSchemas.row(id));
    }
    assertThat(registry.calls()).isEqualTo(callsAfterFirstWrite);

    RegistryAvroConverter reader = converter(false, Map.of());
    reader.toConnectData(TOPIC, first);
    int callsAfterFirstRead = registry.calls();
    for (int i = 0; i < 100; i++) {
      reader.toConnectData(TOPIC, first);
    }
    assertThat(registry.calls()).isEqualTo(callsAfterFirstRead);
    assertThat(callsAfterFirstRead).isEqualTo(callsAfterFirstWrite + 1);
  }

  @Test
  void tombstonesStayTombstones() {
    assertThat(values.fromConnectData(TOPIC, DebeziumLikeSchemas.ROW, null)).isNull();
    assertThat(values.fromConnectData(TOPIC, null, null)).isNull();
    assertThat(values.toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
    assertThat(registry.calls()).isZero();
  }

  @Test
  void rejectsAWrongMagicByteNamingTheTopic() {
    byte[] bytes = write(DebeziumLikeSchemas.row(1));
    bytes[0] = 1;

    assertThatThrownBy(() -> values.toConnectData(TOPIC, bytes))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(TOPIC).hasMessageContaining("magic byte 1");
  }

  @Test
  void rejectsATruncatedPayload() {
    byte[] bytes = write(DebeziumLikeSchemas.row(1));

    assertThatThrownBy(() -> values.toConnectData(TOPIC, Arrays.copyOf(bytes, bytes.length - 4)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(TOPIC).hasMessageContaining("truncated");
    assertThatThrownBy(() -> values.toConnectData(TOPIC, Arrays.copyOf(bytes, 3)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(TOPIC).hasMessageContaining("shorter than the 5-byte header");
  }

  @Test
  void rejectsAnUnknownSchemaId() {
    byte[] bytes = write(DebeziumLikeSchemas.row(1));
    ByteBuffer.wrap(bytes, 1, 4).putInt(999);

    assertThatThrownBy(() -> values.toConnectData(TOPIC, bytes))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(TOPIC).hasMessageContaining("no schema for id 999");
  }

  @Test
  void rejectsASchemalessValueSayingItNeedsSchemas() {
    assertThatThrownBy(() -> values.fromConnectData(TOPIC, null, Map.of("id", 1)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(TOPIC).hasMessageContaining("needs schemas");
  }

  @Test
  void rejectsAValueNotOfItsSchemaNamingTheField() {
    Schema schema = SchemaBuilder.struct().name("test.Strict")
        .field("count", Schema.INT32_SCHEMA).build();
    Struct wrong = new Struct(SchemaBuilder.struct().name("test.Strict")
        .field("count", Schema.OPTIONAL_INT32_SCHEMA).build());

    assertThatThrownBy(() -> values.fromConnectData(TOPIC, schema, wrong))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(TOPIC).hasMessageContaining("field count");
  }

  @Test
  void writesTheContractsWireFormatReadableByTheContractsSerde() {
    Schema schema = SchemaBuilder.struct().name("io.eventshop.contracts.analytics.ProductViewCount")
        .field("sku", Schema.STRING_SCHEMA)
        .field("windowStart", Timestamp.SCHEMA)
        .field("windowEnd", Timestamp.SCHEMA)
        .field("views", Schema.INT64_SCHEMA)
        .build();
    Struct value = new Struct(schema).put("sku", "SKU-1")
        .put("windowStart", new java.util.Date(1_764_590_400_000L))
        .put("windowEnd", new java.util.Date(1_764_590_460_000L))
        .put("views", 17L);

    byte[] bytes = values.fromConnectData("product-views", schema, value);

    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(idIn(bytes)).isEqualTo(registry.latest("product-views-value").id());
    AvroSerde<ProductViewCount> serde = AvroSerde.forValues(ProductViewCount.class,
        SerdeConfig.autoRegistering(NOWHERE), registry);
    assertThat(serde.deserialize("product-views", bytes)).isEqualTo(ProductViewCount.newBuilder()
        .setSku("SKU-1")
        .setWindowStart(Instant.ofEpochMilli(1_764_590_400_000L))
        .setWindowEnd(Instant.ofEpochMilli(1_764_590_460_000L))
        .setViews(17L)
        .build());
  }

  @Test
  void readsRecordsThatTheContractsSerdeWrote() {
    AvroSerde<Customer> serde = AvroSerde.forValues(Customer.class,
        SerdeConfig.autoRegistering(NOWHERE), registry);
    byte[] bytes = serde.serialize("customers", Customer.newBuilder()
        .setId("c-1").setName("Ada").setEmail("ada@example.com")
        .setAddress(Address.newBuilder().setStreet("Bahnhofstrasse 1").setZip("8001")
            .setCity("Zürich").setCountry("CH").build())
        .setCreditLimit(new BigDecimal("1500.00"))
        .setStatus(CustomerStatus.ACTIVE)
        .setRegisteredAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setUpdatedAt(Instant.ofEpochMilli(1_764_590_400_000L))
        .build());

    SchemaAndValue read = values.toConnectData("customers", bytes);

    assertThat(read.schema().name()).isEqualTo("io.eventshop.contracts.customer.Customer");
    Struct customer = (Struct) read.value();
    assertThat(customer.get("status")).isEqualTo("ACTIVE");
    assertThat(customer.get("creditLimit")).isEqualTo(new BigDecimal("1500.00"));
    assertThat(read.schema().field("creditLimit").schema().parameters())
        .containsEntry("connect.decimal.precision", "12");
    assertThat(customer.get("registeredAt")).isEqualTo(new java.util.Date(1_700_000_000_000L));
    assertThat(customer.getStruct("address").get("city")).isEqualTo("Zürich");
  }

  @Test
  void keepsAnExplicitNullInAnOptionalFieldThatHasADefault() {
    Schema schema = SchemaBuilder.struct().name("test.WithDefault")
        .field("status", SchemaBuilder.string().optional().defaultValue("new").build())
        .build();

    SchemaAndValue read = roundTrip(schema, new Struct(schema).put("status", null));

    assertThat(read.schema()).isEqualTo(schema);
    assertThat(((Struct) read.value()).getWithoutDefault("status")).isNull();
  }

  @Test
  void withoutAutoRegisterWritesOnlyWithASchemaAlreadyRegistered() {
    RegistryAvroConverter lookingUp = converter(false,
        Map.of(SerdeConfig.AUTO_REGISTER, "false"));

    assertThatThrownBy(() -> lookingUp.fromConnectData(TOPIC, DebeziumLikeSchemas.ROW,
        DebeziumLikeSchemas.row(1)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(TOPIC + "-value").hasMessageContaining("auto.register.schemas");

    int id = registry.register(TOPIC + "-value",
        new ConnectToAvroSchema(1).toAvro(DebeziumLikeSchemas.ROW));
    assertThat(idIn(lookingUp.fromConnectData(TOPIC, DebeziumLikeSchemas.ROW,
        DebeziumLikeSchemas.row(1)))).isEqualTo(id);
  }

  @Test
  void aRegistryThatCannotBeReachedIsRetriableNotADataError() {
    SchemaRegistryClient down = new SchemaRegistryClient() {
      @Override
      public int register(String subject, org.apache.avro.Schema schema) {
        throw unreachable();
      }

      @Override
      public int lookup(String subject, org.apache.avro.Schema schema) {
        throw unreachable();
      }

      @Override
      public org.apache.avro.Schema getById(int id) {
        throw unreachable();
      }

      @Override
      public RegisteredSchema latest(String subject) {
        throw unreachable();
      }

      private SchemaRegistryException unreachable() {
        return new SchemaRegistryException("schema registry unreachable",
            new ConnectException("connection refused"));
      }
    };
    RegistryAvroConverter converter = new RegistryAvroConverter(down);
    converter.configure(Map.of(SerdeConfig.REGISTRY_URL, NOWHERE), false);
    byte[] written = write(DebeziumLikeSchemas.row(1));

    assertThatThrownBy(() -> converter.fromConnectData(TOPIC, DebeziumLikeSchemas.ROW,
        DebeziumLikeSchemas.row(1))).isInstanceOf(RetriableException.class);
    assertThatThrownBy(() -> converter.toConnectData(TOPIC, written))
        .isInstanceOf(RetriableException.class);
  }

  @Test
  void requiresTheRegistryUrlAndRefusesUseLatestVersion() {
    RegistryAvroConverter converter = new RegistryAvroConverter(registry);

    assertThatThrownBy(() -> converter.configure(Map.of(), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining(SerdeConfig.REGISTRY_URL);
    assertThatThrownBy(() -> converter.configure(Map.of(SerdeConfig.REGISTRY_URL, NOWHERE,
        SerdeConfig.USE_LATEST_VERSION, "true"), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining(SerdeConfig.USE_LATEST_VERSION);
  }

  @Test
  void fieldNamesThatAreIllegalInAvroReadBackUnchanged() {
    Schema schema = SchemaBuilder.struct().name("crm-db.public.order line.Value")
        .field("order-date", Schema.STRING_SCHEMA)
        .field("2fa", Schema.BOOLEAN_SCHEMA)
        .build();
    Struct value = new Struct(schema).put("order-date", "2026-12-01").put("2fa", false);

    SchemaAndValue read = roundTrip(schema, value);

    assertThat(read.schema()).isEqualTo(schema);
    assertThat(read.value()).isEqualTo(value);
  }

  private RegistryAvroConverter converter(boolean isKey, Map<String, String> settings) {
    RegistryAvroConverter converter = new RegistryAvroConverter(registry);
    Map<String, Object> configs = new HashMap<>(settings);
    configs.put(SerdeConfig.REGISTRY_URL, NOWHERE);
    converter.configure(configs, isKey);
    return converter;
  }

  private SchemaAndValue roundTrip(Schema schema, Object value) {
    byte[] bytes = values.fromConnectData(TOPIC, schema, value);
    return converter(false, Map.of()).toConnectData(TOPIC, bytes);
  }

  private byte[] write(Struct row) {
    return values.fromConnectData(TOPIC, DebeziumLikeSchemas.ROW, row);
  }

  private static int idIn(byte[] bytes) {
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }
}
