package io.eventshop.customer;

import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerCommand;
import io.eventshop.customer.domain.CustomerDecider;
import io.eventshop.customer.domain.CustomerEvent;
import io.eventshop.customer.kafka.CustomerView;
import io.eventshop.customer.kafka.CustomerWriter;
import io.eventshop.customer.kafka.CustomerWriter.StateWritten;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out customer commands: decide on the current state (the view), write the events and
 * the new state in one transaction, then show the new state in the view.
 *
 * <p>Commands are handled one at a time, so that two changes of the same customer never decide on
 * the same old state and overwrite each other in the compacted topic. Customer changes are rare;
 * the serial section is a few milliseconds (one transaction).
 */
public final class CustomerAccounts {

  private static final Logger log = LoggerFactory.getLogger(CustomerAccounts.class);

  private final CustomerView view;
  private final CustomerWriter writer;
  private final Duration visibilityTimeout;

  public CustomerAccounts(CustomerView view, CustomerWriter writer, Duration visibilityTimeout) {
    this.view = view;
    this.writer = writer;
    this.visibilityTimeout = visibilityTimeout;
  }

  /**
   * Handles {@code command}; returns the customer's state afterwards, once every reader of
   * {@code customers} can see it: an order placed right after a registration must not find the
   * customer unknown.
   */
  public Customer handle(CustomerCommand command) {
    Decided decided = decideAndWrite(command);
    if (decided.written() != null) {
      awaitVisible(decided.written());
    }
    return decided.customer();
  }

  private record Decided(Customer customer, StateWritten written) {
  }

  private synchronized Decided decideAndWrite(CustomerCommand command) {
    Optional<Customer> current = view.find(command.customerId());
    List<CustomerEvent> events = CustomerDecider.decide(command, current);
    if (events.isEmpty()) {
      return new Decided(current.orElseThrow(), null);
    }
    Customer next = CustomerDecider.evolveAll(current, events).orElseThrow();
    StateWritten written = writer.write(events, next);
    view.written(next, written);
    return new Decided(next, written);
  }

  /** The change is committed either way; a late visibility is worth a warning, not a failure. */
  private void awaitVisible(StateWritten written) {
    try {
      if (!view.awaitRead(written, visibilityTimeout)) {
        log.warn("Customer change at {} committed but not yet read back after {} ms", written,
            visibilityTimeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Optional<Customer> find(String id) {
    return view.find(id);
  }

  public boolean ready() {
    return view.caughtUp();
  }

  /** Waits until {@link #ready}; false if that did not happen within {@code timeout}. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return view.awaitCaughtUp(timeout);
  }
}
