package io.eventshop.customer.streams;

import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.Verdict;
import io.eventshop.customer.fraud.FraudCheck;
import io.eventshop.customer.fraud.FraudRules;
import io.eventshop.customer.kafka.CustomerRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each placed order twice, for the customer (exists, active, credit) and for fraud, and
 * writes both validations in the same step, so they share one exactly-once transaction. Releases
 * the credit an order holds when the order is rejected or cancelled.
 */
final class OrderChecker implements Processor<String, OrderEvent, String, OrderValidation> {

  private static final Logger log = LoggerFactory.getLogger(OrderChecker.class);

  private final FraudRules fraudRules;
  private ProcessorContext<String, OrderValidation> context;
  private KeyValueStore<String, io.eventshop.contracts.customer.Customer> customers;
  private CreditLedger credit;
  private FraudCheck fraud;

  OrderChecker(FraudRules fraudRules) {
    this.fraudRules = fraudRules;
  }

  @Override
  public void init(ProcessorContext<String, OrderValidation> context) {
    this.context = context;
    this.customers = context.getStateStore(ValidationTopology.CUSTOMERS_STORE);
    this.credit = new CreditLedger(context.getStateStore(ValidationTopology.CREDIT_IN_USE_STORE),
        context.getStateStore(ValidationTopology.CHECKED_ORDERS_STORE));
    this.fraud = new FraudCheck(fraudRules,
        context.getStateStore(ValidationTopology.RECENT_ORDERS_STORE));
  }

  @Override
  public void process(Record<String, OrderEvent> record) {
    OrderEvent event = record.value();
    if (event == null) {
      return;
    }
    Object payload = event.getPayload();
    if (payload instanceof OrderPlaced placed) {
      check(record, event, placed);
    } else if (payload instanceof OrderRejected || payload instanceof OrderCancelled) {
      credit.release(event.getOrderId(), event.getCustomerId());
    }
  }

  private void check(Record<String, OrderEvent> record, OrderEvent event, OrderPlaced placed) {
    String orderId = event.getOrderId();
    if (credit.hasChecked(orderId)) {
      log.info("Order {} was checked before; ignoring the repeated OrderPlaced", orderId);
      return;
    }
    String customerId = event.getCustomerId();
    Optional<Customer> customer = Optional.ofNullable(customers.get(customerId))
        .map(CustomerRecords::fromRecord);
    BigDecimal total = placed.getTotal();
    Verdict creditVerdict = credit.checkAndHold(orderId, customer, customerId, total);
    Verdict fraudVerdict = fraud.recordAndAssess(orderId, customerId, total,
        event.getOccurredAt(), customer.map(Customer::registeredAt));
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    context.forward(record.withValue(validation(event, Validator.CUSTOMER, creditVerdict, now)));
    context.forward(record.withValue(validation(event, Validator.FRAUD, fraudVerdict, now)));
    // Per order: DEBUG, or thousands of lines a second under load (the verdicts are on a topic).
    log.debug("Order {} of customer {}: customer check {}, fraud check {}", orderId, customerId,
        creditVerdict.passed() ? "passed" : creditVerdict.findings(),
        fraudVerdict.passed() ? "passed" : fraudVerdict.findings());
  }

  private static OrderValidation validation(OrderEvent event, Validator validator,
                                            Verdict verdict, Instant now) {
    return OrderValidation.newBuilder()
        .setOrderId(event.getOrderId())
        .setCustomerId(event.getCustomerId())
        .setValidator(validator)
        .setPassed(verdict.passed())
        .setReasons(verdict.findings().stream()
            .map(finding -> RejectionReason.valueOf(finding.name())).toList())
        .setDetail(verdict.detail())
        .setValidatedAt(now)
        .build();
  }
}
