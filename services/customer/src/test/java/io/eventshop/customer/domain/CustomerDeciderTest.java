package io.eventshop.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerDeciderTest {

  private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
  private static final Address ZURICH = new Address("Bahnhofstrasse 1", "8001", "Zürich", "CH");
  private static final Address BERN = new Address("Bundesplatz 3", "3003", "Bern", "CH");

  private static CustomerCommand.Register registerAda() {
    return new CustomerCommand.Register("c-1", "Ada", "ada@example.com", ZURICH,
        new BigDecimal("1000"), null, MONDAY);
  }

  private static Customer ada() {
    return CustomerDecider.evolveAll(Optional.empty(),
        CustomerDecider.decide(registerAda(), Optional.empty())).orElseThrow();
  }

  @Test
  void registeringANewCustomerRecordsRegisteredWithTheLimitInCents() {
    List<CustomerEvent> events = CustomerDecider.decide(registerAda(), Optional.empty());

    assertThat(events).containsExactly(new CustomerEvent.Registered("c-1", MONDAY, "Ada",
        "ada@example.com", ZURICH, new BigDecimal("1000.00"), null));
  }

  @Test
  void aRegisteredCustomerIsActiveSinceTheRegistration() {
    assertThat(ada()).isEqualTo(new Customer("c-1", "Ada", "ada@example.com", ZURICH,
        new BigDecimal("1000.00"), CustomerStatus.ACTIVE, MONDAY, MONDAY, null));
  }

  @Test
  void registeringATakenIdIsRefused() {
    assertThatThrownBy(() -> CustomerDecider.decide(registerAda(), Optional.of(ada())))
        .isInstanceOf(DuplicateCustomer.class);
  }

  @Test
  void everyBrokenFieldIsNamed() {
    var command = new CustomerCommand.Register("c-1", " ", "not-an-email",
        new Address("", "8001", null, "Switzerland"), new BigDecimal("-1"), null, MONDAY);

    assertThatThrownBy(() -> CustomerDecider.decide(command, Optional.empty()))
        .isInstanceOfSatisfying(InvalidCustomer.class, invalid ->
            assertThat(invalid.violations()).extracting(Violation::field).containsExactly(
                "name", "email", "creditLimit", "address.street", "address.city",
                "address.country"));
  }

  @Test
  void aMissingAddressIsNamed() {
    var command = new CustomerCommand.Register("c-1", "Ada", "ada@example.com", null,
        BigDecimal.TEN, null, MONDAY);

    assertThatThrownBy(() -> CustomerDecider.decide(command, Optional.empty()))
        .isInstanceOfSatisfying(InvalidCustomer.class, invalid ->
            assertThat(invalid.violations()).extracting(Violation::field).containsExactly("address"));
  }

  @Test
  void countryMustBeAnUpperCaseIsoCode() {
    for (String country : List.of("ch", "XX", "CHE")) {
      var command = new CustomerCommand.Register("c-1", "Ada", "ada@example.com",
          new Address("Main 1", "1", "Town", country), BigDecimal.TEN, null, MONDAY);
      assertThatThrownBy(() -> CustomerDecider.decide(command, Optional.empty()))
          .as(country).isInstanceOf(InvalidCustomer.class).hasMessageContaining("address.country");
    }
  }

  @Test
  void creditLimitWithMoreThanTwoDecimalsOrTooLargeIsRefused() {
    for (String limit : List.of("0.001", "10000000000.00")) {
      var command = new CustomerCommand.Register("c-1", "Ada", "ada@example.com", ZURICH,
          new BigDecimal(limit), null, MONDAY);
      assertThatThrownBy(() -> CustomerDecider.decide(command, Optional.empty()))
          .as(limit).isInstanceOf(InvalidCustomer.class).hasMessageContaining("creditLimit");
    }
  }

  @Test
  void aZeroCreditLimitIsAllowed() {
    var command = new CustomerCommand.Register("c-1", "Ada", "ada@example.com", ZURICH,
        BigDecimal.ZERO, null, MONDAY);

    assertThat(CustomerDecider.decide(command, Optional.empty())).hasSize(1);
  }

  @Test
  void blockingACustomerKeepsAddressAndRegistrationTime() {
    var block = new CustomerCommand.Update("c-1", "Ada", "ada@example.com",
        new BigDecimal("1000"), CustomerStatus.BLOCKED, TUESDAY);

    List<CustomerEvent> events = CustomerDecider.decide(block, Optional.of(ada()));
    Customer blocked = CustomerDecider.evolveAll(Optional.of(ada()), events).orElseThrow();

    assertThat(events).containsExactly(new CustomerEvent.Updated("c-1", TUESDAY, "Ada",
        "ada@example.com", new BigDecimal("1000.00"), CustomerStatus.BLOCKED));
    assertThat(blocked.status()).isEqualTo(CustomerStatus.BLOCKED);
    assertThat(blocked.address()).isEqualTo(ZURICH);
    assertThat(blocked.registeredAt()).isEqualTo(MONDAY);
    assertThat(blocked.updatedAt()).isEqualTo(TUESDAY);
  }

  @Test
  void anUpdateThatChangesNothingRecordsNothing() {
    var same = new CustomerCommand.Update("c-1", "Ada", "ada@example.com", new BigDecimal("1000"),
        CustomerStatus.ACTIVE, TUESDAY);

    assertThat(CustomerDecider.decide(same, Optional.of(ada()))).isEmpty();
  }

  @Test
  void anUpdateWithoutStatusIsRefused() {
    var update = new CustomerCommand.Update("c-1", "Ada", "ada@example.com", BigDecimal.ONE, null,
        TUESDAY);

    assertThatThrownBy(() -> CustomerDecider.decide(update, Optional.of(ada())))
        .isInstanceOf(InvalidCustomer.class).hasMessageContaining("status");
  }

  @Test
  void updatingOrMovingAnUnknownCustomerIsRefused() {
    var update = new CustomerCommand.Update("c-9", "Ada", "ada@example.com", BigDecimal.ONE,
        CustomerStatus.ACTIVE, TUESDAY);
    var move = new CustomerCommand.ChangeAddress("c-9", BERN, TUESDAY);

    assertThatThrownBy(() -> CustomerDecider.decide(update, Optional.empty()))
        .isInstanceOf(UnknownCustomer.class);
    assertThatThrownBy(() -> CustomerDecider.decide(move, Optional.empty()))
        .isInstanceOf(UnknownCustomer.class);
  }

  @Test
  void movingChangesOnlyTheAddress() {
    var move = new CustomerCommand.ChangeAddress("c-1", BERN, TUESDAY);

    List<CustomerEvent> events = CustomerDecider.decide(move, Optional.of(ada()));
    Customer moved = CustomerDecider.evolveAll(Optional.of(ada()), events).orElseThrow();

    assertThat(events).containsExactly(new CustomerEvent.AddressChanged("c-1", TUESDAY, BERN));
    assertThat(moved).isEqualTo(new Customer("c-1", "Ada", "ada@example.com", BERN,
        new BigDecimal("1000.00"), CustomerStatus.ACTIVE, MONDAY, TUESDAY, null));
  }

  @Test
  void addressFieldsOfAMoveAreNamedBare() {
    var move = new CustomerCommand.ChangeAddress("c-1", new Address("x", "1", "y", "ZZ"), TUESDAY);

    assertThatThrownBy(() -> CustomerDecider.decide(move, Optional.of(ada())))
        .isInstanceOfSatisfying(InvalidCustomer.class, invalid ->
            assertThat(invalid.violations()).extracting(Violation::field).containsExactly("country"));
  }

  @Test
  void movingToTheSameAddressRecordsNothing() {
    assertThat(CustomerDecider.decide(new CustomerCommand.ChangeAddress("c-1", ZURICH, TUESDAY),
        Optional.of(ada()))).isEmpty();
  }
}
