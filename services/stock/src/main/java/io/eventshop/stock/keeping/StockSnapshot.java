package io.eventshop.stock.keeping;

import io.eventshop.contracts.Topics;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.TopicTail;
import io.eventshop.stock.domain.Reservation;
import io.eventshop.stock.domain.Stock;
import io.eventshop.stock.domain.StockLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the stock in memory from the compacted {@code stock-levels} and
 * {@code stock-reservations}, read to their end with {@code read_committed}: exactly what the
 * committed transactions of the writer left.
 */
final class StockSnapshot {

  private static final Logger log = LoggerFactory.getLogger(StockSnapshot.class);

  private StockSnapshot() {
  }

  static Stock restore(KafkaClients clients, StockSerdes serdes) {
    Map<String, Object> config = clients.consumer("stock-restore");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    Map<String, StockLevel> levels = new HashMap<>();
    Map<String, Reservation> reservations = new HashMap<>();
    // Only this writer writes these topics: a record it cannot read is a bug, logged loudly.
    TopicTail.readToEnd(config,
        List.of(Topics.STOCK_LEVELS.name(), Topics.STOCK_RESERVATIONS.name()),
        record -> apply(record, serdes, levels, reservations));
    log.info("stock restored: {} products, {} open reservations", levels.size(),
        reservations.values().stream().filter(Reservation::holdsStock).count());
    return Stock.restore(levels.values(), reservations.values());
  }

  private static void apply(ConsumerRecord<String, byte[]> record, StockSerdes serdes,
                            Map<String, StockLevel> levels,
                            Map<String, Reservation> reservations) {
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
  }
}
