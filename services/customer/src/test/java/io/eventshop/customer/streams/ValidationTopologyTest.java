package io.eventshop.customer.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.customer.Address;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerStatus;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.customer.fraud.FraudPolicy;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.platform.streams.DeadLetterDeserializationHandler;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationTopologyTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(400));
  /** Three orders a minute for short tests; 5,000 CHF for customers younger than a day. */
  private static final FraudPolicy POLICY =
      new FraudPolicy(3, Duration.ofMinutes(1), new BigDecimal("5000.00"), Duration.ofDays(1));

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final SerdeConfig serdeConfig = SerdeConfig.autoRegistering("mock://in-memory");
  private final AvroSerde<OrderEvent> orderSerde =
      AvroSerde.forValues(OrderEvent.class, serdeConfig, registry);
  private final AvroSerde<Customer> customerSerde =
      AvroSerde.forValues(Customer.class, serdeConfig, registry);
  private final AvroSerde<OrderValidation> validationSerde =
      AvroSerde.forValues(OrderValidation.class, serdeConfig, registry);

  private TopologyTestDriver driver;
  private TestInputTopic<String, Customer> customers;
  private TestInputTopic<String, OrderEvent> orders;
  private TestOutputTopic<String, OrderValidation> validations;

  private Topology topology() {
    return ValidationTopology.build(
        new ValidationTopology.TopicSerdes(orderSerde, customerSerde, validationSerde), POLICY);
  }

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "customer-validation-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    driver = new TopologyTestDriver(topology(), props, NOW);
    customers = driver.createInputTopic(Topics.CUSTOMERS.name(), new StringSerializer(),
        customerSerde);
    orders = driver.createInputTopic(Topics.ORDERS.name(), new StringSerializer(), orderSerde);
    validations = driver.createOutputTopic(Topics.ORDER_VALIDATIONS.name(),
        new StringDeserializer(), validationSerde);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  // --- customer check ---------------------------------------------------------------------------

  @Test
  void anOrderOfAnUnknownCustomerFailsTheCustomerCheckOnly() {
    place("o-1", "nobody", "10.00", NOW);

    List<OrderValidation> results = validations.readValuesToList();
    assertThat(results).extracting(OrderValidation::getValidator)
        .containsExactly(Validator.CUSTOMER, Validator.FRAUD);
    assertThat(results.get(0).getPassed()).isFalse();
    assertThat(results.get(0).getReasons()).containsExactly(RejectionReason.UNKNOWN_CUSTOMER);
    assertThat(results.get(1).getPassed()).isTrue();
  }

  @Test
  void anOrderOfAnActiveCustomerWithinTheLimitPassesBothChecks() {
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);

    place("o-1", "c-1", "100.00", NOW);

    List<TestRecord<String, OrderValidation>> results = validations.readRecordsToList();
    assertThat(results).extracting(TestRecord::key).containsExactly("o-1", "o-1");
    assertThat(results).extracting(result -> result.value().getPassed())
        .containsExactly(true, true);
    assertThat(results.get(0).value().getCustomerId()).isEqualTo("c-1");
    assertThat(results.get(0).value().getReasons()).isEmpty();
  }

  @Test
  void anOrderOfABlockedCustomerFails() {
    register("c-1", "100.00", CustomerStatus.BLOCKED, LONG_AGO);

    place("o-1", "c-1", "10.00", NOW);

    assertThat(customerCheckOf("o-1").getReasons()).containsExactly(RejectionReason.CUSTOMER_BLOCKED);
  }

  @Test
  void aStatusChangeIsSeenByTheNextOrder() {
    register("c-1", "100.00", CustomerStatus.BLOCKED, LONG_AGO);
    place("o-1", "c-1", "10.00", NOW);
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);
    place("o-2", "c-1", "10.00", NOW.plusSeconds(1));

    assertThat(customerChecks()).extracting(OrderValidation::getPassed).containsExactly(false, true);
  }

  @Test
  void creditIsHeldFromThePassSoTwoQuickOrdersCannotTogetherExceedTheLimit() {
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);

    place("o-1", "c-1", "60.00", NOW);
    place("o-2", "c-1", "50.00", NOW.plusSeconds(1));
    place("o-3", "c-1", "40.00", NOW.plusSeconds(2));

    List<OrderValidation> checks = customerChecks();
    assertThat(checks).extracting(OrderValidation::getPassed).containsExactly(true, false, true);
    assertThat(checks.get(1).getReasons()).containsExactly(RejectionReason.CREDIT_LIMIT_EXCEEDED);
    assertThat(checks.get(1).getDetail()).contains("60.00", "50.00", "100.00");
  }

  @Test
  void aRejectedOrderGivesItsCreditBack() {
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);
    place("o-1", "c-1", "60.00", NOW);

    orders.pipeInput("o-1", event("o-1", "c-1", NOW.plusSeconds(1),
        new OrderRejected(List.of(RejectionReason.OUT_OF_STOCK))));
    place("o-2", "c-1", "100.00", NOW.plusSeconds(2));

    assertThat(customerChecks()).extracting(OrderValidation::getPassed).containsExactly(true, true);
  }

  @Test
  void aCancelledOrderGivesItsCreditBackOnlyOnce() {
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);
    place("o-1", "c-1", "60.00", NOW);
    place("o-2", "c-1", "40.00", NOW.plusSeconds(1));

    orders.pipeInput("o-1", event("o-1", "c-1", NOW.plusSeconds(2), new OrderCancelled()));
    orders.pipeInput("o-1", event("o-1", "c-1", NOW.plusSeconds(3), new OrderCancelled()));
    place("o-3", "c-1", "60.00", NOW.plusSeconds(4));
    place("o-4", "c-1", "0.01", NOW.plusSeconds(5));

    assertThat(customerChecks()).extracting(OrderValidation::getPassed)
        .containsExactly(true, true, true, false);
  }

  @Test
  void aFailedOrderHoldsNoCredit() {
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);
    place("o-1", "c-1", "150.00", NOW);
    orders.pipeInput("o-1", event("o-1", "c-1", NOW.plusSeconds(1),
        new OrderRejected(List.of(RejectionReason.CREDIT_LIMIT_EXCEEDED))));

    place("o-2", "c-1", "100.00", NOW.plusSeconds(2));
    place("o-3", "c-1", "0.01", NOW.plusSeconds(3));

    assertThat(customerChecks()).extracting(OrderValidation::getPassed)
        .containsExactly(false, true, false);
  }

  @Test
  void aRepeatedOrderPlacedIsNotCheckedTwice() {
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);

    place("o-1", "c-1", "60.00", NOW);
    place("o-1", "c-1", "60.00", NOW);

    assertThat(validations.readValuesToList()).hasSize(2);
  }

  // --- fraud ------------------------------------------------------------------------------------

  @Test
  void moreOrdersThanAllowedWithinTheWindowAreSuspect() {
    register("c-1", "1000.00", CustomerStatus.ACTIVE, LONG_AGO);

    place("o-1", "c-1", "1.00", NOW);
    place("o-2", "c-1", "1.00", NOW.plusSeconds(10));
    place("o-3", "c-1", "1.00", NOW.plusSeconds(20));
    place("o-4", "c-1", "1.00", NOW.plusSeconds(30));
    // The window slides: o-1 and o-2 are more than a minute before o-5.
    place("o-5", "c-1", "1.00", NOW.plusSeconds(75));

    List<OrderValidation> checks = fraudChecks();
    assertThat(checks).extracting(OrderValidation::getPassed)
        .containsExactly(true, true, true, false, true);
    assertThat(checks.get(3).getReasons()).containsExactly(RejectionReason.FRAUD_SUSPECTED);
    assertThat(checks.get(3).getDetail()).contains("more than 3 orders");
  }

  @Test
  void aCustomersOrdersOlderThanTheWindowAreForgottenAtTheirNextOrder() {
    register("c-1", "1000.00", CustomerStatus.ACTIVE, LONG_AGO);

    place("o-1", "c-1", "1.00", NOW);
    place("o-2", "c-1", "1.00", NOW.plusSeconds(30));
    place("o-3", "c-1", "1.00", NOW.plusSeconds(61));

    KeyValueStore<String, String> recent =
        driver.getKeyValueStore(ValidationTopology.RECENT_ORDERS_STORE);
    List<String> kept = new ArrayList<>();
    try (KeyValueIterator<String, String> all = recent.all()) {
      all.forEachRemaining(entry -> kept.add(entry.value));
    }
    assertThat(kept).containsExactly("o-2", "o-3");
  }

  @Test
  void theRateIsCountedPerCustomer() {
    register("c-1", "1000.00", CustomerStatus.ACTIVE, LONG_AGO);
    register("c-2", "1000.00", CustomerStatus.ACTIVE, LONG_AGO);

    for (int i = 0; i < 3; i++) {
      place("a-" + i, "c-1", "1.00", NOW.plusSeconds(i));
      place("b-" + i, "c-2", "1.00", NOW.plusSeconds(i));
    }

    assertThat(fraudChecks()).allMatch(OrderValidation::getPassed);
  }

  @Test
  void aHighValueOrderOfACustomerRegisteredWithinADayIsSuspect() {
    register("new", "100000.00", CustomerStatus.ACTIVE, NOW.minus(Duration.ofHours(2)));
    register("old", "100000.00", CustomerStatus.ACTIVE, NOW.minus(Duration.ofDays(2)));

    place("o-new", "new", "6000.00", NOW);
    place("o-old", "old", "6000.00", NOW);
    place("o-small", "new", "4999.99", NOW.plusSeconds(1));

    List<OrderValidation> checks = fraudChecks();
    assertThat(checks).extracting(OrderValidation::getOrderId, OrderValidation::getPassed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("o-new", false),
            org.assertj.core.groups.Tuple.tuple("o-old", true),
            org.assertj.core.groups.Tuple.tuple("o-small", true));
    assertThat(checks.get(0).getReasons()).containsExactly(RejectionReason.FRAUD_SUSPECTED);
  }

  // --- shape and faults -------------------------------------------------------------------------

  @Test
  void ordersAndCustomersAreReadInOneSubTopologyWithoutRepartition() {
    TopologyDescription description = topology().describe();

    assertThat(description.subtopologies()).hasSize(1);
    Set<String> sourceTopics = description.subtopologies().iterator().next().nodes().stream()
        .filter(node -> node instanceof TopologyDescription.Source)
        .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
        .collect(Collectors.toSet());
    assertThat(sourceTopics).containsExactlyInAnyOrder(Topics.ORDERS.name(),
        Topics.CUSTOMERS.name());
    assertThat(description.globalStores()).isEmpty();
    assertThat(description.toString()).doesNotContain("repartition");
  }

  @Test
  void anUndecodableOrderGoesToTheDeadLetterTopicAndTheNextIsChecked() {
    var raw = driver.createInputTopic(Topics.ORDERS.name(), new StringSerializer(),
        new ByteArraySerializer());
    var deadLetters = driver.createOutputTopic(Topics.ORDERS.deadLetterTopicName(),
        new StringDeserializer(), Serdes.ByteArray().deserializer());
    register("c-1", "100.00", CustomerStatus.ACTIVE, LONG_AGO);

    raw.pipeInput("o-bad", new byte[] {1, 2, 3});
    place("o-1", "c-1", "10.00", NOW);

    TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
    assertThat(deadLetter.key()).isEqualTo("o-bad");
    assertThat(deadLetter.value()).containsExactly(1, 2, 3);
    assertThat(deadLetter.headers().lastHeader("dlq.error.class")).isNotNull();
    assertThat(customerChecks()).extracting(OrderValidation::getOrderId).containsExactly("o-1");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void register(String id, String creditLimit, CustomerStatus status,
                        Instant registeredAt) {
    customers.pipeInput(id, Customer.newBuilder()
        .setId(id)
        .setName("Customer " + id)
        .setEmail(id + "@example.com")
        .setAddress(new Address("Main 1", "8001", "Zürich", "CH"))
        .setCreditLimit(new BigDecimal(creditLimit))
        .setStatus(status)
        .setRegisteredAt(registeredAt)
        .setUpdatedAt(registeredAt)
        .build(), registeredAt);
  }

  private void place(String orderId, String customerId, String total, Instant at) {
    BigDecimal amount = new BigDecimal(total);
    orders.pipeInput(orderId, event(orderId, customerId, at, OrderPlaced.newBuilder()
        .setLines(List.of(new OrderLine("sku-1", 1, amount)))
        .setTotal(amount)
        .setIdempotencyKey(null)
        .build()), at);
  }

  private static OrderEvent event(String orderId, String customerId, Instant at, Object payload) {
    return OrderEvent.newBuilder()
        .setOrderId(orderId)
        .setCustomerId(customerId)
        .setOccurredAt(at)
        .setPayload(payload)
        .build();
  }

  private List<OrderValidation> customerChecks() {
    return validations.readValuesToList().stream()
        .filter(validation -> validation.getValidator() == Validator.CUSTOMER).toList();
  }

  private List<OrderValidation> fraudChecks() {
    return validations.readValuesToList().stream()
        .filter(validation -> validation.getValidator() == Validator.FRAUD).toList();
  }

  private OrderValidation customerCheckOf(String orderId) {
    return customerChecks().stream()
        .filter(validation -> validation.getOrderId().equals(orderId)).findFirst().orElseThrow();
  }
}
