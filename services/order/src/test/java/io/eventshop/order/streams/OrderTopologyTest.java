package io.eventshop.order.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderDecider;
import io.eventshop.order.domain.OrderState;
import io.eventshop.order.domain.Reason;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTopologyTest {

  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What the aggregator said, in order: "told STATE" may be told, "decided STATE" not yet. */
  private final List<String> changes = new ArrayList<>();
  private final OrderChanges recorder = new OrderChanges() {
    @Override
    public void changed(Order order) {
      changes.add("told " + order.state());
    }

    @Override
    public void decided(Order before, Order outcome) {
      changes.add("decided " + outcome.state());
    }

    @Override
    public void started(int partition) {
    }
  };
  private TopologyTestDriver driver;
  private TestInputTopic<String, OrderEvent> orders;
  private TestInputTopic<String, OrderValidation> validations;
  private TestOutputTopic<String, OrderEvent> outcomes;
  private KeyValueStore<String, Order> store;

  @BeforeEach
  void startTopology() {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    SerdeConfig config = SerdeConfig.autoRegistering("mock://test");
    OrderSerdes serdes = new OrderSerdes(AvroSerde.forValues(OrderEvent.class, config, registry),
        AvroSerde.forValues(OrderValidation.class, config, registry),
        AvroSerde.forValues(Product.class, config, registry));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(OrderTopology.build(new OrderDecider(TIMEOUT),
        Duration.ofSeconds(1), serdes, recorder), props, START);
    orders = driver.createInputTopic(Topics.ORDERS.name(), Serdes.String().serializer(),
        serdes.orderEvents().serializer(), START, Duration.ZERO);
    validations = driver.createInputTopic(Topics.ORDER_VALIDATIONS.name(),
        Serdes.String().serializer(), serdes.validations().serializer(), START, Duration.ZERO);
    outcomes = driver.createOutputTopic(Topics.ORDERS.name(), Serdes.String().deserializer(),
        serdes.orderEvents().deserializer());
    store = driver.getKeyValueStore(OrderTopology.ORDERS_STORE);
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void validatesAnOrderOnceAllThreeValidatorsPass() {
    place("o1", "c1");
    verdict("o1", Validator.STOCK, true);
    verdict("o1", Validator.CUSTOMER, true);
    assertThat(outcomes.isEmpty()).isTrue();

    verdict("o1", Validator.FRAUD, true);

    List<OrderEvent> published = outcomes.readValuesToList();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).getPayload()).isInstanceOf(OrderValidated.class);
    assertThat(published.get(0).getCustomerId()).isEqualTo("c1");
    assertThat(store.get("o1").state()).isEqualTo(OrderState.VALIDATED);
    // The driver feeds the aggregator's own OrderValidated back to it, as the committed
    // orders topic does: that, not the decision, is when the outcome may be told.
    assertThat(changes).containsExactly("told PLACED", "decided VALIDATED", "told VALIDATED");
  }

  @Test
  void anOutcomeReadBackIsToldAndDecidesNothingAgain() {
    place("o1", "c1");
    verdict("o1", Validator.STOCK, false, RejectionReason.OUT_OF_STOCK);
    verdict("o1", Validator.CUSTOMER, true);
    verdict("o1", Validator.FRAUD, true);
    OrderEvent outcome = outcomes.readValue();
    changes.clear();

    orders.pipeInput("o1", outcome);

    assertThat(changes).containsExactly("told REJECTED");
    assertThat(outcomes.isEmpty()).isTrue();
  }

  @Test
  void rejectsWithTheReasonsOfEveryFailedValidator() {
    place("o1", "c1");
    verdict("o1", Validator.STOCK, false, RejectionReason.OUT_OF_STOCK);
    verdict("o1", Validator.CUSTOMER, false, RejectionReason.CREDIT_LIMIT_EXCEEDED);
    verdict("o1", Validator.FRAUD, true);

    OrderEvent outcome = outcomes.readValue();
    assertThat(((OrderRejected) outcome.getPayload()).getReasons())
        .containsExactly(RejectionReason.OUT_OF_STOCK, RejectionReason.CREDIT_LIMIT_EXCEEDED);
    assertThat(store.get("o1").reasons())
        .containsExactly(Reason.OUT_OF_STOCK, Reason.CREDIT_LIMIT_EXCEEDED);
  }

  @Test
  void rejectsWithTimeoutWhenAVerdictDoesNotArriveInTime() {
    place("o1", "c1");
    verdict("o1", Validator.STOCK, true);
    verdict("o1", Validator.CUSTOMER, true);

    driver.advanceWallClockTime(TIMEOUT.minusSeconds(2));
    assertThat(outcomes.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(3));

    OrderEvent outcome = outcomes.readValue();
    assertThat(((OrderRejected) outcome.getPayload()).getReasons())
        .containsExactly(RejectionReason.TIMEOUT);
    assertThat(store.get("o1").state()).isEqualTo(OrderState.REJECTED);
  }

  @Test
  void ignoresAVerdictThatArrivesAfterTheOutcome() {
    place("o1", "c1");
    driver.advanceWallClockTime(TIMEOUT.plusSeconds(1));
    outcomes.readValue();

    verdict("o1", Validator.STOCK, true);
    verdict("o1", Validator.CUSTOMER, true);
    verdict("o1", Validator.FRAUD, true);

    assertThat(outcomes.isEmpty()).isTrue();
    assertThat(store.get("o1").state()).isEqualTo(OrderState.REJECTED);
  }

  @Test
  void ignoresADuplicatePlacementAndADuplicateVerdict() {
    place("o1", "c1");
    verdict("o1", Validator.STOCK, true);
    place("o1", "c1");
    verdict("o1", Validator.STOCK, false, RejectionReason.OUT_OF_STOCK);
    verdict("o1", Validator.CUSTOMER, true);
    verdict("o1", Validator.FRAUD, true);
    place("o1", "c1");

    List<OrderEvent> published = outcomes.readValuesToList();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).getPayload()).isInstanceOf(OrderValidated.class);
    assertThat(changes).containsExactly("told PLACED", "decided VALIDATED", "told VALIDATED");
  }

  @Test
  void decidesOnceThePlacementArrivesAfterItsVerdicts() {
    verdict("o1", Validator.STOCK, true);
    verdict("o1", Validator.CUSTOMER, true);
    verdict("o1", Validator.FRAUD, true);
    assertThat(outcomes.isEmpty()).isTrue();

    place("o1", "c1");

    assertThat(outcomes.readValue().getPayload()).isInstanceOf(OrderValidated.class);
  }

  @Test
  void indexesTheOrdersOfEachCustomer() {
    place("o1", "c1");
    place("o2", "c1");
    place("o3", "c2");

    KeyValueStore<String, Long> index = driver.getKeyValueStore(OrderTopology.CUSTOMER_ORDERS_STORE);
    List<String> keys = new ArrayList<>();
    index.prefixScan(OrderTopology.customerPrefix("c1"), Serdes.String().serializer())
        .forEachRemaining(entry -> keys.add(entry.key));
    assertThat(keys).containsExactlyInAnyOrder("c1/o1", "c1/o2");
  }

  @Test
  void aCancellationOfAValidatedOrderIsApplied() {
    place("o1", "c1");
    verdict("o1", Validator.STOCK, true);
    verdict("o1", Validator.CUSTOMER, true);
    verdict("o1", Validator.FRAUD, true);

    orders.pipeInput("o1", new OrderEvent("o1", "c1", START,
        new io.eventshop.contracts.order.OrderCancelled()));

    assertThat(store.get("o1").state()).isEqualTo(OrderState.CANCELLED);
  }

  private void place(String orderId, String customerId) {
    orders.pipeInput(orderId, new OrderEvent(orderId, customerId, START, new OrderPlaced(
        List.of(new OrderLine("mug", 2, new BigDecimal("4.50"))), new BigDecimal("9.00"),
        null)));
  }

  private void verdict(String orderId, Validator validator, boolean passed,
                       RejectionReason... reasons) {
    validations.pipeInput(orderId, new OrderValidation(orderId, "c1", validator, passed,
        List.of(reasons), null, START));
  }
}
