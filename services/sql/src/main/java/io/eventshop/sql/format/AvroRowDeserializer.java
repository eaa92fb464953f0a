package io.eventshop.sql.format;

import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.WireFormat;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records in the Confluent wire format: the schema id in the header finds the writer's
 * schema in our registry, the value is decoded with it and mapped to the columns by name. A
 * record that cannot be read is skipped with a warning (as KSQL skips it), not a failed query.
 */
final class AvroRowDeserializer implements DeserializationSchema<RowData> {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(AvroRowDeserializer.class);

  private final RowType rowType;
  private final TypeInformation<RowData> producedType;
  private final String registryName;
  private final String registryUrl;
  private transient SchemaRegistryClient registry;
  private transient Map<Integer, GenericDatumReader<GenericRecord>> readers;
  private transient BinaryDecoder decoder;

  AvroRowDeserializer(RowType rowType, TypeInformation<RowData> producedType, String registryName,
                      String registryUrl) {
    this.rowType = rowType;
    this.producedType = producedType;
    this.registryName = registryName;
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(InitializationContext context) {
    registry = RegistryClients.get(registryName, registryUrl);
    readers = new HashMap<>();
  }

  @Override
  public RowData deserialize(byte[] message) {
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
      log.warn("skipping a record that cannot be read as Avro: {}", e.toString());
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
