package io.eventshop.customer.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.customer.LegacyAddress;
import io.eventshop.contracts.LegacyCustomerIds;
import io.eventshop.contracts.customer.LegacyCustomer;
import io.eventshop.customer.domain.Address;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerCommand;
import io.eventshop.customer.domain.CustomerDecider;
import io.eventshop.customer.domain.CustomerStatus;
import io.eventshop.customer.domain.Origin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyCustomerMappingTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final LegacyAddress ZURICH =
      new LegacyAddress("Bahnhofstrasse 1", "8001", "Zürich", "CH");
  private static final BigDecimal LIMIT = new BigDecimal("1000.00");

  private final LegacyCustomerMapping mapping = new LegacyCustomerMapping(LIMIT);

  private static LegacyCustomer ada(String status, boolean deleted, LegacyAddress address) {
    return new LegacyCustomer("42", "Ada", "Lovelace", "ada@example.ch", null, status, deleted,
        address);
  }

  /** The shop's customer after the mapping's commands, as the decider would make it. */
  private Optional<Customer> takenOver(LegacyCustomer legacy, Optional<Customer> current) {
    Optional<Customer> state = current;
    for (CustomerCommand command : mapping.commandsFor(legacy, state, NOW)) {
      state = CustomerDecider.evolveAll(state, CustomerDecider.decide(command, state));
    }
    return state;
  }

  @Test
  void aLegacyIdAlwaysMapsToTheSameCustomerIdAndDifferentIdsToDifferentOnes() {
    assertThat(LegacyCustomerIds.customerIdOf("42"))
        .isEqualTo(LegacyCustomerIds.customerIdOf("42"))
        .isNotEqualTo(LegacyCustomerIds.customerIdOf("43"))
        .hasSize(36);
  }

  @Test
  void aNewActiveCustomerIsRegisteredWithTheCrmAsItsOriginAndTheTakeOverLimit() {
    Customer customer = takenOver(ada("ACTIVE", false, ZURICH), Optional.empty()).orElseThrow();

    assertThat(customer.id()).isEqualTo(LegacyCustomerIds.customerIdOf("42"));
    assertThat(customer.name()).isEqualTo("Ada Lovelace");
    assertThat(customer.email()).isEqualTo("ada@example.ch");
    assertThat(customer.address()).isEqualTo(new Address("Bahnhofstrasse 1", "8001", "Zürich",
        "CH"));
    assertThat(customer.creditLimit()).isEqualByComparingTo(LIMIT);
    assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(customer.origin()).isEqualTo(new Origin("legacy-crm", "42"));
  }

  @Test
  void aNewCustomerWaitsForItsAddressAndADeletedUnknownOneIsNotRegistered() {
    assertThat(mapping.commandsFor(ada("ACTIVE", false, null), Optional.empty(), NOW)).isEmpty();
    assertThat(mapping.commandsFor(ada("ACTIVE", true, ZURICH), Optional.empty(), NOW)).isEmpty();
  }

  @Test
  void aNewInactiveCustomerIsRegisteredBlocked() {
    assertThat(takenOver(ada("INACTIVE", false, ZURICH), Optional.empty()).orElseThrow().status())
        .isEqualTo(CustomerStatus.BLOCKED);
  }

  @Test
  void theSameStateTwiceAsksForNothing() {
    Optional<Customer> customer = takenOver(ada("ACTIVE", false, ZURICH), Optional.empty());

    assertThat(mapping.commandsFor(ada("ACTIVE", false, ZURICH), customer, NOW)).isEmpty();
  }

  @Test
  void aChangedNameAndEmailAreAnUpdateThatKeepsTheShopsCreditLimit() {
    Optional<Customer> customer = takenOver(ada("ACTIVE", false, ZURICH), Optional.empty());
    Customer raised = new Customer(customer.get().id(), customer.get().name(),
        customer.get().email(), customer.get().address(), new BigDecimal("5000.00"),
        CustomerStatus.ACTIVE, NOW, NOW, customer.get().origin());
    LegacyCustomer married = new LegacyCustomer("42", "Ada", "King", "ada.king@example.ch", null,
        "ACTIVE", false, ZURICH);

    List<CustomerCommand> commands = mapping.commandsFor(married, Optional.of(raised), NOW);

    assertThat(commands).singleElement().isInstanceOfSatisfying(CustomerCommand.Update.class,
        update -> {
          assertThat(update.name()).isEqualTo("Ada King");
          assertThat(update.email()).isEqualTo("ada.king@example.ch");
          assertThat(update.creditLimit()).isEqualByComparingTo("5000.00");
          assertThat(update.status()).isEqualTo(CustomerStatus.ACTIVE);
        });
  }

  @Test
  void aChangedAddressRowIsAnAddressChangeOnly() {
    Optional<Customer> customer = takenOver(ada("ACTIVE", false, ZURICH), Optional.empty());
    LegacyAddress bern = new LegacyAddress("Marktgasse 2", "3011", "Bern", "CH");

    assertThat(mapping.commandsFor(ada("ACTIVE", false, bern), customer, NOW))
        .containsExactly(new CustomerCommand.ChangeAddress(customer.get().id(),
            new Address("Marktgasse 2", "3011", "Bern", "CH"), NOW));
  }

  @Test
  void deactivatingOrDeletingInTheCrmBlocksTheCustomerAndReactivatingUnblocksIt() {
    Optional<Customer> customer = takenOver(ada("ACTIVE", false, ZURICH), Optional.empty());

    Optional<Customer> inactive = takenOver(ada("INACTIVE", false, ZURICH), customer);
    Optional<Customer> deleted = takenOver(ada("ACTIVE", true, ZURICH), customer);

    assertThat(inactive.orElseThrow().status()).isEqualTo(CustomerStatus.BLOCKED);
    assertThat(deleted.orElseThrow().status()).isEqualTo(CustomerStatus.BLOCKED);
    assertThat(mapping.commandsFor(ada("ACTIVE", true, ZURICH), deleted, NOW)).isEmpty();
    assertThat(takenOver(ada("ACTIVE", false, ZURICH), inactive).orElseThrow().status())
        .isEqualTo(CustomerStatus.ACTIVE);
  }
}
