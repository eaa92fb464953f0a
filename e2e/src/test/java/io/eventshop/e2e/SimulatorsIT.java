package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.e2e.EventshopCli.Run;
import io.eventshop.platform.kafka.TopicTail;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./eventshop simulate} as a user runs it against the running shop: the events land on
 * their topics as Avro, within the bounds given, and simulated buyers place real orders whose
 * ids their checkout clicks carry.
 */
class SimulatorsIT {

  private static RunningShop shop;

  @BeforeAll
  static void start() {
    shop = RunningShop.get();
  }

  @Test
  void sensorsReportEveryZoneWithinTheCountGiven() throws Exception {
    Instant before = Instant.now();
    Run run = simulate("sensors", "--rate", "400", "--events", "400", "--seed", "7",
        "--anomaly-chance", "0.05");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("sensors: 400 events", "done");
    List<SensorReading> readings = new ArrayList<>();
    read(Topics.SENSOR_READINGS.name(), SensorReading.class, reading -> {
      if (!reading.getReadAt().isBefore(before)) {
        readings.add(reading);
      }
    });
    assertThat(readings).hasSize(400);
    assertThat(readings).extracting(SensorReading::getZone)
        .contains("cold-store", "ambient", "dry-store", "loading-dock");
    assertThat(readings).extracting(SensorReading::getKind).contains("temperature", "humidity");
  }

  @Test
  void simulatedBuyersPlaceRealOrdersThatTheirCheckoutClicksName() throws Exception {
    ShopApi api = ShopApi.viaGateway(shop);
    String sku = "SIM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    api.createProduct(sku, "Simulated", "3.50");
    api.receiveStock(sku, 1_000);

    Run run = simulate("clickstream", "--rate", "300", "--events", "900", "--visitors", "30",
        "--order-share", "0.3", "--seed", "11");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("clickstream: ", "orders placed", "done");
    Set<String> checkedOut = new HashSet<>();
    List<ClickEvent> clicks = new ArrayList<>();
    read(Topics.CLICKSTREAM.name(), ClickEvent.class, click -> {
      clicks.add(click);
      if (click.getAction() == ClickAction.CHECKOUT) {
        checkedOut.add(click.getOrderId());
      }
    });
    assertThat(checkedOut).as("checkouts of simulated buyers in %s", run.output()).isNotEmpty();
    // An order is answered once written; its transaction commits a moment later.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Set<String> placed = new HashSet<>();
      read(Topics.ORDERS.name(), OrderEvent.class, event -> {
        if (event.getPayload() instanceof OrderPlaced) {
          placed.add(event.getOrderId());
        }
      });
      assertThat(placed).containsAll(checkedOut);
    });
    assertThat(clicks).extracting(ClickEvent::getAction)
        .contains(ClickAction.PAGE_VIEW, ClickAction.PRODUCT_VIEW, ClickAction.ADD_TO_CART);
  }

  @Test
  void aRateOutOfRangeIsRefusedNamingTheOption() throws Exception {
    Run run = simulate("sensors", "--rate", "0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.output()).contains("--rate must be > 0");
  }

  private static Run simulate(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "simulate";
    System.arraycopy(args, 0, command, 1, args.length);
    return EventshopCli.run(shop, command);
  }

  private static <T extends SpecificRecord> void read(String topic, Class<T> type,
                                                      Consumer<T> each) {
    AvroSerde<T> serde = AvroSerde.forValues(type,
        new SerdeConfig(shop.registryUrl(), false, false));
    TopicTail.readToEnd(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), List.of(topic),
        record -> each.accept(serde.deserializer().deserialize(record.topic(), record.value())));
  }
}
