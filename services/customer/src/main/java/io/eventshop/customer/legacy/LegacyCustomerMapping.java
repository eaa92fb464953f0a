package io.eventshop.customer.legacy;

import io.eventshop.contracts.LegacyCustomerIds;
import io.eventshop.contracts.customer.LegacyAddress;
import io.eventshop.contracts.customer.LegacyCustomer;
import io.eventshop.customer.domain.Address;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerCommand;
import io.eventshop.customer.domain.CustomerStatus;
import io.eventshop.customer.domain.Origin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a legacy customer, as the CRM holds it now, into the commands that bring the shop's
 * customer to the same state: the anti-corruption layer between the CRM's tables and the shop's
 * customer model. Pure: it compares with the shop's current customer and asks only for what
 * differs, so that a change delivered twice (CDC is at least once) changes nothing the second
 * time.
 *
 * <ul>
 *   <li>A legacy id always maps to the same customer id ({@link LegacyCustomerIds}).</li>
 *   <li>New in the CRM: registered, with the CRM as its origin, once its address row is there
 *       (a customer without an address cannot order); an INACTIVE one is registered and
 *       blocked, so that the shop knows every customer the CRM has.</li>
 *   <li>Name (first and last), email and status: an update; the credit limit is the shop's and
 *       stays.</li>
 *   <li>The address: an address change.</li>
 *   <li>INACTIVE or deleted in the CRM: the customer is blocked (deactivated), never deleted:
 *       its orders still name it.</li>
 * </ul>
 */
public final class LegacyCustomerMapping {

  private final BigDecimal creditLimit;

  /** @param creditLimit the credit limit (CHF) of a customer taken over from the CRM */
  public LegacyCustomerMapping(BigDecimal creditLimit) {
    this.creditLimit = Objects.requireNonNull(creditLimit, "creditLimit");
  }

  /**
   * What to ask of the shop so that {@code current} matches {@code legacy}; empty when it already
   * does, or when a new customer's address has not arrived yet.
   */
  public List<CustomerCommand> commandsFor(LegacyCustomer legacy, Optional<Customer> current,
                                           Instant at) {
    String id = LegacyCustomerIds.customerIdOf(legacy.getLegacyId());
    boolean active = !legacy.getDeleted() && !"INACTIVE".equals(legacy.getStatus());
    if (current.isEmpty()) {
      if (legacy.getDeleted() || legacy.getAddress() == null) {
        return List.of();
      }
      CustomerCommand.Register register = new CustomerCommand.Register(id, nameOf(legacy),
          legacy.getEmail(), addressOf(legacy.getAddress()), creditLimit,
          new Origin(LegacyCustomerIds.SYSTEM, legacy.getLegacyId()), at);
      return active ? List.of(register) : List.of(register, new CustomerCommand.Update(id,
          register.name(), register.email(), creditLimit, CustomerStatus.BLOCKED, at));
    }
    Customer customer = current.get();
    if (legacy.getDeleted()) {
      return customer.status() == CustomerStatus.BLOCKED ? List.of()
          : List.of(new CustomerCommand.Update(id, customer.name(), customer.email(),
              customer.creditLimit(), CustomerStatus.BLOCKED, at));
    }
    List<CustomerCommand> commands = new ArrayList<>();
    CustomerStatus status = active ? CustomerStatus.ACTIVE : CustomerStatus.BLOCKED;
    String name = nameOf(legacy);
    if (!name.equals(customer.name()) || !Objects.equals(legacy.getEmail(), customer.email())
        || status != customer.status()) {
      commands.add(new CustomerCommand.Update(id, name, legacy.getEmail(),
          customer.creditLimit(), status, at));
    }
    if (legacy.getAddress() != null) {
      Address address = addressOf(legacy.getAddress());
      if (!address.equals(customer.address())) {
        commands.add(new CustomerCommand.ChangeAddress(id, address, at));
      }
    }
    return commands;
  }

  private static String nameOf(LegacyCustomer legacy) {
    String first = legacy.getFirstName() == null ? "" : legacy.getFirstName().trim();
    String last = legacy.getLastName() == null ? "" : legacy.getLastName().trim();
    return (first + " " + last).trim();
  }

  private static Address addressOf(LegacyAddress address) {
    return new Address(address.getStreet(), address.getPostalCode(), address.getCity(),
        address.getCountry() == null ? null : address.getCountry().trim());
  }
}
