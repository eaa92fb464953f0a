package io.eventshop.sql.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.contracts.Topics;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.TopicTail;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The catalogue of streams, tables and persistent queries, kept in the compacted topic
 * {@code sql-catalogue}: one record per name (its JSON entry), a tombstone when dropped. Read
 * whole at start, in the order written.
 */
public final class CatalogueStore implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaClients clients;
  private final KafkaProducer<String, String> producer;

  public CatalogueStore(KafkaClients clients) {
    this.clients = clients;
    this.producer = new KafkaProducer<>(clients.producer("sql-catalogue"), new StringSerializer(),
        new StringSerializer());
  }

  /** Every live entry, in the order they were first written. */
  public Map<String, Map<String, Object>> load() {
    Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
    TopicTail.readToEnd(clients.consumer(clients.applicationId() + "-catalogue"),
        java.util.List.of(Topics.SQL_CATALOGUE.name()), record -> {
          if (record.value() == null) {
            entries.remove(record.key());
          } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = JSON.readValue(new String(record.value(),
                StandardCharsets.UTF_8), Map.class);
            entries.put(record.key(), entry);
          }
        });
    return entries;
  }

  public void put(String key, Map<String, Object> entry) {
    try {
      producer.send(new ProducerRecord<>(Topics.SQL_CATALOGUE.name(), key,
          JSON.writeValueAsString(entry))).get();
    } catch (ExecutionException | java.io.IOException e) {
      throw new IllegalStateException("could not write " + key + " to the catalogue", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing the catalogue", e);
    }
  }

  public void remove(String key) {
    try {
      producer.send(new ProducerRecord<>(Topics.SQL_CATALOGUE.name(), key, null)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not remove " + key + " from the catalogue", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing the catalogue", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
