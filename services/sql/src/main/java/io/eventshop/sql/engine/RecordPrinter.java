package io.eventshop.sql.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.WireFormat;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.sql.ksql.KsqlStatement;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code PRINT 'topic'}: the records of a topic as they are, without a stream over it: its
 * timestamp, key and value (Avro in the wire format decoded through the registry, else text).
 */
public final class RecordPrinter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaClients clients;
  private final SchemaRegistryClient registry;

  public RecordPrinter(KafkaClients clients, SchemaRegistryClient registry) {
    this.clients = clients;
    this.registry = registry;
  }

  /** Streams the records as lines to {@code out} until the limit or the client goes away. */
  public void print(KsqlStatement.Print print, OutputStream out) throws IOException {
    Map<String, Object> config = clients.consumer(clients.applicationId() + "-print");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(print.topic()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      if (print.fromBeginning()) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      out.write(JSON.writeValueAsBytes(Map.of("queryId", "print_" + print.topic(),
          "columnNames", List.of("ROWTIME", "ROWKEY", "VALUE"),
          "columnTypes", List.of("TIMESTAMP", "STRING", "STRING"))));
      out.write('\n');
      out.flush();
      Map<Integer, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
      int printed = 0;
      while (print.limit() == null || printed < print.limit()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          out.write(JSON.writeValueAsBytes(List.of(
              Instant.ofEpochMilli(record.timestamp()).toString(),
              String.valueOf(record.key()), value(record.value(), readers))));
          out.write('\n');
          printed++;
          if (print.limit() != null && printed >= print.limit()) {
            break;
          }
        }
        out.flush();
      }
    }
  }

  private String value(byte[] value, Map<Integer, GenericDatumReader<GenericRecord>> readers) {
    if (value == null) {
      return "null";
    }
    if (value.length > WireFormat.HEADER_SIZE && value[0] == WireFormat.MAGIC_BYTE) {
      try {
        int id = WireFormat.schemaId("a record", "the topic", value);
        GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(id,
            key -> new GenericDatumReader<>(registry.getById(key)));
        return reader.read(null, DecoderFactory.get().binaryDecoder(value,
            WireFormat.HEADER_SIZE, value.length - WireFormat.HEADER_SIZE, null)).toString();
      } catch (Exception e) {
        // not Avro after all: print it as text
      }
    }
    return new String(value, StandardCharsets.UTF_8);
  }
}
