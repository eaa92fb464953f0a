package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.bench.load.ShopApi.Reply;
import io.eventshop.contracts.LegacyCustomerIds;
import io.eventshop.contracts.Topics;
import io.eventshop.platform.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The legacy CRM joins by change data capture, with every real part: the CRM's own PostgreSQL,
 * Debezium on the Connect worker, the customer service's take-over. The test writes to the CRM's
 * tables with plain SQL, as the CRM does, and reads the shop's API. Runs after the other tests:
 * it kills the worker and the database.
 */
@Order(8)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyCrmCdcIT {

  /** Commit to API is ~1 s on a quiet machine; the bound leaves room for a busy CI runner. */
  private static final Duration VISIBLE = Duration.ofSeconds(30);
  private static final Duration RESTART = Duration.ofMinutes(3);
  private static RunningShop shop;
  private static ShopApi api;

  @BeforeAll
  static void startTheShop() {
    shop = RunningShop.get();
    api = ShopApi.viaGateway(shop);
  }

  @Test
  @Order(1)
  void theCrmsSeededCustomersAreTakenOverWithTheirOrigin() {
    // the first snapshot and the take-over of 300 customers, on a machine that is still busy
    // starting the shop
    JsonNode first = awaitCustomer("1", customer -> true, RESTART);

    assertThat(first.path("origin").path("system").asText()).isEqualTo("legacy-crm");
    assertThat(first.path("origin").path("id").asText()).isEqualTo("1");
    assertThat(first.path("creditLimit").decimalValue()).isPositive();
  }

  @Test
  @Order(2)
  void anInsertAnUpdateADeactivationAndADeleteInTheCrmShowInTheShopsApi() throws SQLException {
    String email = unique("ada") + "@example.ch";
    String legacyId = insertCustomer("Ada", "Lovelace", email, "Bahnhofstrasse 1", "Zürich", "CH");

    JsonNode registered = awaitCustomer(legacyId, c -> c.path("email").asText().equals(email));
    assertThat(registered.path("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(registered.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(registered.path("address").path("city").asText()).isEqualTo("Zürich");

    update("UPDATE customer SET last_name = 'King', updated_at = now() WHERE id = ?", legacyId);
    update("UPDATE address SET city = 'Bern', postal_code = '3011' WHERE customer_id = ?",
        legacyId);
    JsonNode changed = awaitCustomer(legacyId,
        c -> c.path("address").path("city").asText().equals("Bern"));
    assertThat(changed.path("name").asText()).isEqualTo("Ada King");
    assertThat(changed.path("address").path("zip").asText()).isEqualTo("3011");

    update("UPDATE customer SET status = 'INACTIVE' WHERE id = ?", legacyId);
    awaitCustomer(legacyId, c -> c.path("status").asText().equals("BLOCKED"));
    update("UPDATE customer SET status = 'ACTIVE' WHERE id = ?", legacyId);
    awaitCustomer(legacyId, c -> c.path("status").asText().equals("ACTIVE"));

    update("DELETE FROM customer WHERE id = ?", legacyId);
    JsonNode deleted = awaitCustomer(legacyId, c -> c.path("status").asText().equals("BLOCKED"));
    assertThat(deleted.path("name").asText()).as("kept for the orders that name it")
        .isEqualTo("Ada King");
  }

  @Test
  @Order(3)
  void aRowTheShopCannotTakeGoesToTheDeadLetterTopicWithTheReasonAndTheNextIsTaken()
      throws SQLException {
    String noEmail = insertCustomer("No", "Mail", "", "Dorfstrasse 3", "Basel", "CH");
    String badCountry = insertCustomer("Bad", "Country", unique("bad") + "@example.ch",
        "Dorfstrasse 4", "Atlantis", "XX");
    String good = insertCustomer("Grace", "Hopper", unique("grace") + "@example.ch",
        "Seestrasse 5", "Luzern", "CH");

    awaitCustomer(good, c -> true);
    List<String> reasons = deadLetterReasons(List.of(noEmail, badCountry));
    assertThat(reasons).anySatisfy(reason -> assertThat(reason)
        .contains("legacy customer " + noEmail).contains("email must not be blank"));
    assertThat(reasons).anySatisfy(reason -> assertThat(reason)
        .contains("legacy customer " + badCountry).contains("address.country"));
    assertThat(api.get("/api/customers/" + LegacyCustomerIds.customerIdOf(noEmail)).status())
        .isEqualTo(404);
  }

  @Test
  @Order(4)
  void aKilledWorkerResumesFromItsOffsetsWithNoNewSnapshotAndLosesNothing() throws Exception {
    long changesBefore = recordsIn(Topics.CRM_CUSTOMER.name());
    long worker = shop.pid("connect");

    ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
    String whileDown = insertCustomer("Katherine", "Johnson", unique("kj") + "@example.ch",
        "Kirchweg 6", "Graz", "AT");
    await("the launcher starts the worker again").atMost(RESTART).ignoreExceptions()
        .until(() -> shop.pid("connect") != worker);

    awaitCustomer(whileDown, c -> c.path("address").path("country").asText().equals("AT"));
    long newChanges = recordsIn(Topics.CRM_CUSTOMER.name()) - changesBefore;
    // One row changed; a few may come again (offsets are flushed every few seconds), but a new
    // snapshot would bring back every one of the CRM's 300 and more customers.
    assertThat(newChanges).isBetween(1L, 50L);
  }

  @Test
  @Order(5)
  void theCaptureCarriesOnAfterTheDatabaseIsStoppedAndAfterItIsKilled() throws Exception {
    for (boolean kill : List.of(false, true)) {
      long database = shop.pid("postgres");
      ProcessHandle handle = ProcessHandle.of(database).orElseThrow();
      if (kill) {
        handle.destroyForcibly();
      } else {
        handle.destroy();
      }
      await("the launcher starts the database again").atMost(RESTART).ignoreExceptions()
          .until(() -> shop.pid("postgres") != database && insertable());

      String after = insertCustomer("Hedy", "Lamarr", unique("hedy") + "@example.ch",
          "Rosenweg 7", "Wien", "AT");
      await("captured after the database " + (kill ? "was killed" : "stopped"))
          .atMost(RESTART).ignoreExceptions()
          .until(() -> api.get(path(after)).status() == 200);
    }
  }

  private static JsonNode awaitCustomer(String legacyId, Predicate<JsonNode> condition) {
    return awaitCustomer(legacyId, condition, VISIBLE);
  }

  private static JsonNode awaitCustomer(String legacyId, Predicate<JsonNode> condition,
                                        Duration atMost) {
    JsonNode[] seen = new JsonNode[1];
    await("customer of legacy id " + legacyId).atMost(atMost).ignoreExceptions().until(() -> {
      Reply reply = api.get(path(legacyId));
      seen[0] = reply.body();
      return reply.status() == 200 && condition.test(reply.body());
    });
    return seen[0];
  }

  private static String path(String legacyId) {
    return "/api/customers/" + LegacyCustomerIds.customerIdOf(legacyId);
  }

  private static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(shop.url("postgres").orElseThrow(), "postgres", "");
  }

  private static boolean insertable() {
    try (Connection connection = database()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** A customer and its address in one transaction, as the CRM's "create" page writes them. */
  private static String insertCustomer(String first, String last, String email, String street,
                                       String city, String country) throws SQLException {
    try (Connection connection = database()) {
      connection.setAutoCommit(false);
      long id;
      try (PreparedStatement customer = connection.prepareStatement(
          "INSERT INTO customer (first_name, last_name, email) VALUES (?, ?, ?) RETURNING id")) {
        customer.setString(1, first);
        customer.setString(2, last);
        customer.setString(3, email);
        try (ResultSet key = customer.executeQuery()) {
          key.next();
          id = key.getLong(1);
        }
      }
      try (PreparedStatement address = connection.prepareStatement("INSERT INTO address"
          + " (customer_id, street, postal_code, city, country) VALUES (?, ?, '1000', ?, ?)")) {
        address.setLong(1, id);
        address.setString(2, street);
        address.setString(3, city);
        address.setString(4, country);
        address.executeUpdate();
      }
      connection.commit();
      return Long.toString(id);
    }
  }

  private static void update(String sql, String legacyId) throws SQLException {
    try (Connection connection = database();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, Long.parseLong(legacyId));
      assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static long recordsIn(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The reasons of the dead letters of these legacy ids, once there is one for each. */
  private static List<String> deadLetterReasons(List<String> legacyIds) {
    String topic = Topics.deadLetterOf(Topics.LEGACY_CUSTOMERS).name();
    List<String> reasons = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await("dead letters of legacy customers " + legacyIds).atMost(VISIBLE).until(() -> {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Header reason = record.headers().lastHeader(DeadLetters.ERROR_MESSAGE);
          String key = new String(record.key(), StandardCharsets.UTF_8);
          if (reason != null && legacyIds.contains(key)) {
            reasons.add(new String(reason.value(), StandardCharsets.UTF_8));
          }
        }
        return legacyIds.stream().allMatch(id -> reasons.stream()
            .anyMatch(reason -> reason.contains("legacy customer " + id + " ")));
      });
    }
    return reasons;
  }
}
