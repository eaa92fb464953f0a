package io.eventshop.customer.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.customer.LegacyAddress;
import io.eventshop.contracts.customer.LegacyCustomer;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.GenericAvroDeserializer;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.contracts.serde.WireFormat;
import io.eventshop.platform.streams.DeadLetterDeserializationHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrmJoinTest {

  /** The CRM's rows as Debezium's ExtractNewRecordState writes them (rewrite mode). */
  private static final Schema CUSTOMER_ROW = SchemaBuilder.record("Value")
      .namespace("crm.public.customer").fields()
      .requiredLong("id").requiredString("first_name").requiredString("last_name")
      .requiredString("email").optionalString("phone").requiredString("status")
      .requiredString("created_at").optionalString("__deleted").endRecord();
  private static final Schema ADDRESS_ROW = SchemaBuilder.record("Value")
      .namespace("crm.public.address").fields()
      .requiredLong("id").requiredLong("customer_id").requiredString("street")
      .requiredString("postal_code").requiredString("city").requiredString("country")
      .optionalString("__deleted").endRecord();

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final SerdeConfig serdeConfig = SerdeConfig.autoRegistering("mock://in-memory");
  private final AvroSerde<LegacyCustomer> legacySerde =
      AvroSerde.forValues(LegacyCustomer.class, serdeConfig, registry);

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> customerRows;
  private TestInputTopic<String, byte[]> addressRows;
  private TestOutputTopic<String, LegacyCustomer> legacyCustomers;

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    CrmJoin.addTo(builder, GenericAvroDeserializer.readOnlySerde(registry),
        legacySerde, AvroSerde.forValues(LegacyAddress.class, serdeConfig, registry));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "crm-join-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    driver = new TopologyTestDriver(builder.build(), props);
    customerRows = driver.createInputTopic(Topics.CRM_CUSTOMER.name(), new StringSerializer(),
        new ByteArraySerializer());
    addressRows = driver.createInputTopic(Topics.CRM_ADDRESS.name(), new StringSerializer(),
        new ByteArraySerializer());
    legacyCustomers = driver.createOutputTopic(Topics.LEGACY_CUSTOMERS.name(),
        new StringDeserializer(), legacySerde);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void aCustomerRowThenItsAddressRowGiveTheWholeCustomerKeyedByTheLegacyId() {
    customerRows.pipeInput("42", customer(42, "ACTIVE", "false"));
    addressRows.pipeInput("42", address(7, 42, "CH"));

    List<LegacyCustomer> out = legacyCustomers.readValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(0).getAddress()).isNull();
    LegacyCustomer whole = out.get(1);
    assertThat(whole.getLegacyId()).isEqualTo("42");
    assertThat(whole.getFirstName()).isEqualTo("Ada");
    assertThat(whole.getEmail()).isEqualTo("ada@example.ch");
    assertThat(whole.getStatus()).isEqualTo("ACTIVE");
    assertThat(whole.getDeleted()).isFalse();
    assertThat(whole.getAddress()).isEqualTo(
        new LegacyAddress("Bahnhofstrasse 1", "8001", "Zürich", "CH"));
  }

  @Test
  void anAddressRowThatArrivesFirstWaitsForItsCustomer() {
    addressRows.pipeInput("42", address(7, 42, "CH"));
    assertThat(legacyCustomers.isEmpty()).isTrue();

    customerRows.pipeInput("42", customer(42, "ACTIVE", "false"));

    assertThat(legacyCustomers.readValue().getAddress().getCity()).isEqualTo("Zürich");
  }

  @Test
  void aChangedAddressAndADeletedCustomerEachGiveTheCustomerAsItIsNow() {
    customerRows.pipeInput("42", customer(42, "ACTIVE", "false"));
    addressRows.pipeInput("42", address(7, 42, "CH"));
    legacyCustomers.readValuesToList();

    addressRows.pipeInput("42", address(7, 42, "DE"));
    assertThat(legacyCustomers.readValue().getAddress().getCountry()).isEqualTo("DE");

    customerRows.pipeInput("42", customer(42, "ACTIVE", "true"));
    LegacyCustomer deleted = legacyCustomers.readValue();
    assertThat(deleted.getDeleted()).isTrue();
    assertThat(deleted.getAddress().getCountry()).isEqualTo("DE");
  }

  @Test
  void anUndecodableRowGoesToTheDeadLetterTopicAndTheNextRowIsJoined() {
    customerRows.pipeInput("41", new byte[] {9, 9, 9});
    customerRows.pipeInput("42", customer(42, "INACTIVE", "false"));

    assertThat(legacyCustomers.readValue().getStatus()).isEqualTo("INACTIVE");
    TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(
        Topics.deadLetterOf(Topics.CRM_CUSTOMER).name(),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    assertThat(deadLetters.readValue()).containsExactly(9, 9, 9);
  }

  private byte[] customer(long id, String status, String deleted) {
    GenericRecord row = new GenericData.Record(CUSTOMER_ROW);
    row.put("id", id);
    row.put("first_name", "Ada");
    row.put("last_name", "Lovelace");
    row.put("email", "ada@example.ch");
    row.put("status", status);
    row.put("created_at", "2009-03-15T14:00:00.000000Z");
    row.put("__deleted", deleted);
    return written(Topics.CRM_CUSTOMER.name(), row);
  }

  private byte[] address(long id, long customerId, String country) {
    GenericRecord row = new GenericData.Record(ADDRESS_ROW);
    row.put("id", id);
    row.put("customer_id", customerId);
    row.put("street", "Bahnhofstrasse 1");
    row.put("postal_code", "8001");
    row.put("city", "Zürich");
    row.put("country", country);
    row.put("__deleted", "false");
    return written(Topics.CRM_ADDRESS.name(), row);
  }

  private byte[] written(String topic, GenericRecord row) {
    int id = registry.register(topic + "-value", row.getSchema());
    ByteArrayOutputStream out = WireFormat.startWith(id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(row.getSchema()).write(row, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
