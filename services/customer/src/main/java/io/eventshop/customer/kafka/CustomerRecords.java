package io.eventshop.customer.kafka;

import io.eventshop.contracts.customer.CustomerAddressChanged;
import io.eventshop.contracts.customer.CustomerRegistered;
import io.eventshop.contracts.customer.CustomerUpdated;
import io.eventshop.customer.domain.Address;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerEvent;
import io.eventshop.customer.domain.CustomerStatus;
import io.eventshop.customer.domain.Origin;

/** Translates the customer domain to and from the Avro records of the contracts. */
public final class CustomerRecords {

  private CustomerRecords() {
  }

  /** The value of the compacted {@code customers} topic. */
  public static io.eventshop.contracts.customer.Customer toRecord(Customer customer) {
    return io.eventshop.contracts.customer.Customer.newBuilder()
        .setId(customer.id())
        .setName(customer.name())
        .setEmail(customer.email())
        .setAddress(toRecord(customer.address()))
        .setCreditLimit(customer.creditLimit())
        .setStatus(toRecord(customer.status()))
        .setRegisteredAt(customer.registeredAt())
        .setUpdatedAt(customer.updatedAt())
        .setOrigin(toRecord(customer.origin()))
        .build();
  }

  /** A customer read from {@code customers}. */
  public static Customer fromRecord(io.eventshop.contracts.customer.Customer record) {
    return new Customer(record.getId(), record.getName(), record.getEmail(),
        fromRecord(record.getAddress()), record.getCreditLimit(),
        CustomerStatus.valueOf(record.getStatus().name()), record.getRegisteredAt(),
        record.getUpdatedAt(), fromRecord(record.getOrigin()));
  }

  /** The value of the event stream {@code customer-events}. */
  public static io.eventshop.contracts.customer.CustomerEvent toRecord(CustomerEvent event) {
    return io.eventshop.contracts.customer.CustomerEvent.newBuilder()
        .setCustomerId(event.customerId())
        .setOccurredAt(event.occurredAt())
        .setPayload(payload(event))
        .build();
  }

  private static Object payload(CustomerEvent event) {
    if (event instanceof CustomerEvent.Registered registered) {
      return CustomerRegistered.newBuilder()
          .setName(registered.name())
          .setEmail(registered.email())
          .setAddress(toRecord(registered.address()))
          .setCreditLimit(registered.creditLimit())
          .setOrigin(toRecord(registered.origin()))
          .build();
    }
    if (event instanceof CustomerEvent.Updated updated) {
      return CustomerUpdated.newBuilder()
          .setName(updated.name())
          .setEmail(updated.email())
          .setCreditLimit(updated.creditLimit())
          .setStatus(toRecord(updated.status()))
          .build();
    }
    CustomerEvent.AddressChanged moved = (CustomerEvent.AddressChanged) event;
    return CustomerAddressChanged.newBuilder().setAddress(toRecord(moved.address())).build();
  }

  private static io.eventshop.contracts.customer.Address toRecord(Address address) {
    return new io.eventshop.contracts.customer.Address(address.street(), address.zip(),
        address.city(), address.country());
  }

  private static Address fromRecord(io.eventshop.contracts.customer.Address record) {
    return new Address(record.getStreet(), record.getZip(), record.getCity(), record.getCountry());
  }

  private static io.eventshop.contracts.customer.Origin toRecord(Origin origin) {
    return origin == null ? null
        : new io.eventshop.contracts.customer.Origin(origin.system(), origin.id());
  }

  private static Origin fromRecord(io.eventshop.contracts.customer.Origin record) {
    return record == null ? null : new Origin(record.getSystem(), record.getId());
  }

  private static io.eventshop.contracts.customer.CustomerStatus toRecord(CustomerStatus status) {
    return io.eventshop.contracts.customer.CustomerStatus.valueOf(status.name());
  }
}
