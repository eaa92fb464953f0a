package io.eventshop.customer.api;

import io.eventshop.customer.CustomerAccounts;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerCommand;
import io.eventshop.customer.domain.InvalidCustomer;
import io.eventshop.customer.domain.UnknownCustomer;
import io.eventshop.customer.domain.Violation;
import io.eventshop.customer.kafka.CustomerWriteFailed;
import io.eventshop.platform.web.NotFound;
import io.eventshop.platform.web.ShopProblem;
import io.eventshop.platform.web.Unavailable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customers over REST: register, change, move, read. Thin: the rules are in the domain. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

  private static final URI INVALID_INPUT = URI.create(ShopProblem.TYPE_BASE + "invalid-input");

  private final CustomerAccounts accounts;
  private final Clock clock;

  CustomerController(CustomerAccounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<CustomerApi.Registered> register(@RequestBody CustomerApi.RegisterRequest body) {
    String id = UUID.randomUUID().toString();
    Customer customer = handle(new CustomerCommand.Register(id, body.name(),
        body.email(), body.address() == null ? null : body.address().toDomain(),
        body.creditLimit(), now()));
    return ResponseEntity.created(URI.create("/api/customers/" + customer.id()))
        .body(new CustomerApi.Registered(customer.id()));
  }

  @PutMapping("/{id}")
  CustomerApi.CustomerBody update(@PathVariable String id,
                                  @RequestBody CustomerApi.UpdateRequest body) {
    return CustomerApi.CustomerBody.of(handle(new CustomerCommand.Update(id,
        body.name(), body.email(), body.creditLimit(), body.status(), now())));
  }

  @PutMapping("/{id}/address")
  CustomerApi.CustomerBody move(@PathVariable String id,
                                @RequestBody CustomerApi.AddressBody body) {
    return CustomerApi.CustomerBody.of(handle(
        new CustomerCommand.ChangeAddress(id, body.toDomain(), now())));
  }

  @GetMapping("/{id}")
  CustomerApi.CustomerBody get(@PathVariable String id) {
    requireReady();
    return accounts.find(id).map(CustomerApi.CustomerBody::of)
        .orElseThrow(() -> new NotFound("customer", id));
  }

  /**
   * The platform's invalid-input document (400, {@code errors} sorted by field) for the fields the
   * domain refused; the platform has no problem type to throw for a 400, so it is built here.
   */
  @ExceptionHandler(InvalidCustomer.class)
  ResponseEntity<ProblemDetail> invalid(InvalidCustomer invalid) {
    List<Violation> violations = invalid.violations().stream()
        .sorted(Comparator.comparing(Violation::field)).toList();
    List<Map<String, String>> errors = violations.stream()
        .map(violation -> Map.of("field", violation.field(), "message", violation.message()))
        .toList();
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "invalid input: " + violations.stream()
            .map(violation -> violation.field() + " " + violation.message())
            .collect(Collectors.joining("; ")));
    body.setType(INVALID_INPUT);
    body.setTitle("Invalid input");
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** Carries the command out, turning its refusals into the platform's problems. */
  private Customer handle(CustomerCommand command) {
    requireReady();
    try {
      return accounts.handle(command);
    } catch (UnknownCustomer unknown) {
      throw new NotFound("customer", unknown.customerId());
    } catch (CustomerWriteFailed failed) {
      throw new Unavailable("the change could not be written to Kafka and was not made; retry ("
          + failed.getMessage() + ")");
    }
  }

  private void requireReady() {
    if (!accounts.ready()) {
      throw new Unavailable("customers are still being loaded; retry shortly");
    }
  }

  /** Avro keeps milliseconds: the state we show is then the state others read back. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
