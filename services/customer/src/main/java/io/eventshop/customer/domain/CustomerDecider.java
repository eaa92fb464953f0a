package io.eventshop.customer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's rules as a decider: {@link #decide} turns a command and the current state into
 * the events to record (or refuses it), {@link #evolve} folds an event into the state. Pure: no
 * clock, no I/O; the time of a change comes with the command.
 */
public final class CustomerDecider {

  private CustomerDecider() {
  }

  /**
   * The events {@code command} causes given the customer's current state; empty when the command
   * changes nothing (a repeated update is harmless).
   *
   * @throws InvalidCustomer  when a field breaks a rule
   * @throws UnknownCustomer  when the command is for a customer that does not exist
   * @throws DuplicateCustomer when registering an id that exists
   */
  public static List<CustomerEvent> decide(CustomerCommand command, Optional<Customer> current) {
    // Java 17 has no pattern switch; the interface is sealed, so these branches are exhaustive.
    if (command instanceof CustomerCommand.Register register) {
      return register(register, current);
    }
    if (command instanceof CustomerCommand.Update update) {
      return update(update, existing(update, current));
    }
    CustomerCommand.ChangeAddress change = (CustomerCommand.ChangeAddress) command;
    return changeAddress(change, existing(change, current));
  }

  /** The state after {@code event}. */
  public static Customer evolve(Optional<Customer> current, CustomerEvent event) {
    if (event instanceof CustomerEvent.Registered registered) {
      return new Customer(registered.customerId(), registered.name(), registered.email(),
          registered.address(), registered.creditLimit(), CustomerStatus.ACTIVE,
          registered.occurredAt(), registered.occurredAt(), registered.origin());
    }
    Customer customer = current.orElseThrow(() -> new UnknownCustomer(event.customerId()));
    if (event instanceof CustomerEvent.Updated updated) {
      return new Customer(customer.id(), updated.name(), updated.email(), customer.address(),
          updated.creditLimit(), updated.status(), customer.registeredAt(), updated.occurredAt(),
          customer.origin());
    }
    CustomerEvent.AddressChanged moved = (CustomerEvent.AddressChanged) event;
    return new Customer(customer.id(), customer.name(), customer.email(), moved.address(),
        customer.creditLimit(), customer.status(), customer.registeredAt(), moved.occurredAt(),
        customer.origin());
  }

  /** The state after all {@code events}, starting from {@code current}. */
  public static Optional<Customer> evolveAll(Optional<Customer> current, List<CustomerEvent> events) {
    Optional<Customer> state = current;
    for (CustomerEvent event : events) {
      state = Optional.of(evolve(state, event));
    }
    return state;
  }

  private static List<CustomerEvent> register(CustomerCommand.Register command,
                                              Optional<Customer> current) {
    if (current.isPresent()) {
      throw new DuplicateCustomer(command.customerId());
    }
    List<Violation> violations = new ArrayList<>(
        CustomerRules.profile(command.name(), command.email(), command.creditLimit()));
    violations.addAll(CustomerRules.address("address", command.address()));
    requireValid(violations);
    return List.of(new CustomerEvent.Registered(command.customerId(), command.at(),
        command.name(), command.email(), command.address(),
        CustomerRules.money(command.creditLimit()), command.origin()));
  }

  private static List<CustomerEvent> update(CustomerCommand.Update command, Customer customer) {
    List<Violation> violations = new ArrayList<>(
        CustomerRules.profile(command.name(), command.email(), command.creditLimit()));
    if (command.status() == null) {
      violations.add(new Violation("status", "must be ACTIVE or BLOCKED"));
    }
    requireValid(violations);
    var limit = CustomerRules.money(command.creditLimit());
    boolean unchanged = command.name().equals(customer.name())
        && command.email().equals(customer.email())
        && limit.compareTo(customer.creditLimit()) == 0
        && command.status() == customer.status();
    return unchanged ? List.of() : List.of(new CustomerEvent.Updated(command.customerId(),
        command.at(), command.name(), command.email(), limit, command.status()));
  }

  private static List<CustomerEvent> changeAddress(CustomerCommand.ChangeAddress command,
                                                   Customer customer) {
    // The body of an address change is the address itself, so its fields are named bare.
    requireValid(CustomerRules.address("", command.address()));
    return Objects.equals(command.address(), customer.address()) ? List.of()
        : List.of(new CustomerEvent.AddressChanged(command.customerId(), command.at(),
            command.address()));
  }

  private static Customer existing(CustomerCommand command, Optional<Customer> current) {
    return current.orElseThrow(() -> new UnknownCustomer(command.customerId()));
  }

  private static void requireValid(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidCustomer(violations);
    }
  }
}
