package io.eventshop.sql.format;

import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.platform.kafka.DeadLetters;
import java.io.IOException;
import io.eventshop.contracts.serde.WireFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records in the Confluent wire format: the schema id in the header finds the writer's
 * schema in our registry, the value is decoded with it and mapped to the columns by name. A
 * record that cannot be read goes to the source's dead-letter topic ({@code <topic>.dlq}, with the
 * {@code dlq.*} headers of {@link DeadLetters}) and the query carries on without it, as the
 * shop's consumers do. The format sees the value only: the dead letter has no key, and its
 * source partition and offset are -1. It is sent before the query's next checkpoint but not in
 * its transaction: a query resumed from an older checkpoint, or a push query reading from the
 * earliest offset, sends it again. A registry that does not answer fails the query instead
 * (the record is probably fine): a persistent query is restarted from its checkpoint.
 */
final class AvroRowDeserializer implements DeserializationSchema<RowData> {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(AvroRowDeserializer.class);

  private final RowType rowType;
  private final TypeInformation<RowData> producedType;
  private final String registryName;
  private final String registryUrl;
  /** The topic read, whose dead-letter topic takes what cannot be read; null: skipped only. */
  private final String deadLetterSource;
  private final Properties deadLetterProducer;
  private transient SchemaRegistryClient registry;
  private transient Map<Integer, GenericDatumReader<GenericRecord>> readers;
  private transient BinaryDecoder decoder;

  AvroRowDeserializer(RowType rowType, TypeInformation<RowData> producedType, String registryName,
                      String registryUrl, String deadLetterSource, Properties deadLetterProducer) {
    this.rowType = rowType;
    this.producedType = producedType;
    this.registryName = registryName;
    this.registryUrl = registryUrl;
    this.deadLetterSource = deadLetterSource;
    this.deadLetterProducer = deadLetterProducer;
  }

  @Override
  public void open(InitializationContext context) {
    registry = RegistryClients.get(registryName, registryUrl);
    readers = new HashMap<>();
  }

  @Override
  public RowData deserialize(byte[] message) throws IOException {
    if (message == null) {
      return null;
    }
    try {
      int id = WireFormat.schemaId("a row", "the topic", message);
      GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(id, key -> {
        Schema writer = registry.getById(key);
        return new GenericDatumReader<>(writer);
      });
      decoder = DecoderFactory.get().binaryDecoder(message, WireFormat.HEADER_SIZE,
          message.length - WireFormat.HEADER_SIZE, decoder);
      return AvroRows.row(reader.read(null, decoder), rowType);
    } catch (Exception e) {
      if (SchemaRegistryException.isTransient(e)) {
        throw new IOException("the schema registry does not answer", e);
      }
      if (deadLetterSource == null) {
        log.warn("skipping a record that cannot be read as Avro: {}", e.toString());
      } else {
        DeadLetterProducers.forSettings(deadLetterProducer).send(
            new ConsumerRecord<>(deadLetterSource, -1, -1L, null, message), e);
      }
      return null;
    }
  }

  @Override
  public boolean isEndOfStream(RowData nextElement) {
    return false;
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return producedType;
  }
}
