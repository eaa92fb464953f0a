package io.eventshop.stock.keeping;

import io.eventshop.contracts.Topics;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.stock.domain.Reservation;
import io.eventshop.stock.domain.Stock;
import io.eventshop.stock.domain.StockLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the stock in memory from the compacted {@code stock-levels} and
 * {@code stock-reservations}, read to their end with {@code read_committed}: exactly what the
 * committed transactions of the writer left.
 */
final class StockSnapshot {

  private static final Logger log = LoggerFactory.getLogger(StockSnapshot.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private StockSnapshot() {
  }

  static Stock restore(KafkaClients clients, StockSerdes serdes) {
    Map<String, Object> config = clients.consumer("stock-restore");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    Map<String, StockLevel> levels = new HashMap<>();
    Map<String, Reservation> reservations = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
             new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.STOCK_LEVELS.name(), Topics.STOCK_RESERVATIONS.name())) {
        consumer.partitionsFor(topic).forEach(info ->
            partitions.add(new TopicPartition(topic, info.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          apply(record, serdes, levels, reservations);
        }
      }
    }
    log.info("stock restored: {} products, {} open reservations", levels.size(),
        reservations.values().stream().filter(Reservation::holdsStock).count());
    return Stock.restore(levels.values(), reservations.values());
  }

  private static void apply(ConsumerRecord<String, byte[]> record, StockSerdes serdes,
                            Map<String, StockLevel> levels,
                            Map<String, Reservation> reservations) {
    try {
      if (record.topic().equals(Topics.STOCK_LEVELS.name())) {
        if (record.value() != null) {
          levels.put(record.key(), StockKeeper.levelOf(serdes.level(record.topic(), record.value())));
        }
      } else if (record.value() == null) {
        reservations.remove(record.key());
      } else {
        reservations.put(record.key(),
            StockKeeper.reservationOf(serdes.reservation(record.topic(), record.value())));
      }
    } catch (SerializationException | IllegalStateException e) {
      // Only this writer writes these topics; a bad record here is a bug worth a loud log line.
      log.error("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }
}
