package io.eventshop.customer;

import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerCommand;
import io.eventshop.customer.domain.CustomerDecider;
import io.eventshop.customer.domain.CustomerEvent;
import io.eventshop.customer.kafka.CustomerView;
import io.eventshop.customer.kafka.CustomerWriter;
import java.util.List;
import java.util.Optional;

/**
 * Carries out customer commands: decide on the current state (the view), write the events and
 * the new state in one transaction, then show the new state in the view.
 *
 * <p>Commands are handled one at a time, so that two changes of the same customer never decide on
 * the same old state and overwrite each other in the compacted topic. Customer changes are rare;
 * the serial section is a few milliseconds (one transaction).
 */
public final class CustomerAccounts {

  private final CustomerView view;
  private final CustomerWriter writer;

  public CustomerAccounts(CustomerView view, CustomerWriter writer) {
    this.view = view;
    this.writer = writer;
  }

  /** Handles {@code command}; returns the customer's state afterwards. */
  public synchronized Customer handle(CustomerCommand command) {
    Optional<Customer> current = view.find(command.customerId());
    List<CustomerEvent> events = CustomerDecider.decide(command, current);
    if (events.isEmpty()) {
      return current.orElseThrow();
    }
    Customer next = CustomerDecider.evolveAll(current, events).orElseThrow();
    long offset = writer.write(events, next);
    view.written(next, offset);
    return next;
  }

  public Optional<Customer> find(String id) {
    return view.find(id);
  }

  public boolean ready() {
    return view.caughtUp();
  }
}
