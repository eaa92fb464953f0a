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
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@OpenAPIDefinition(info = @Info(title = "Customer API",
    version = "${spring.application.version:development}",
    description = "Registers customers and keeps their profile, address, credit limit and"
        + " status (an account can be blocked). Every change is written to the compacted"
        + " `customers` topic before it is answered. The same service checks each order against"
        + " its customer: known, not blocked, within the credit limit, and the fraud rules (by"
        + " default more than 10 orders in a minute, or a large order on a customer's first day,"
        + " is FRAUD_SUSPECTED). A customer's orders are the order service's:"
        + " `GET /api/customers/{id}/orders` there."))
@Tag(name = "Customers", description = "Profiles, addresses and credit limits")
@ApiResponse(responseCode = "503", description = "Customers are still being loaded, or the"
    + " change was not written to Kafka (and not made); retry",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
class CustomerController {

  private static final URI INVALID_INPUT = URI.create(ShopProblem.TYPE_BASE + "invalid-input");

  private final CustomerAccounts accounts;
  private final Clock clock;

  CustomerController(CustomerAccounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @PostMapping
  @Operation(summary = "Register a customer",
      description = "A new customer with name, email, address and credit limit (CHF), active"
          + " from now on; the answer carries the new id.")
  @ApiResponse(responseCode = "201", description = "Registered; `Location` names the customer")
  @ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<CustomerApi.Registered> register(@RequestBody CustomerApi.RegisterRequest body) {
    String id = UUID.randomUUID().toString();
    Customer customer = handle(new CustomerCommand.Register(id, body.name(),
        body.email(), body.address() == null ? null : body.address().toDomain(),
        body.creditLimit(), null, now()));
    return ResponseEntity.created(URI.create("/api/customers/" + customer.id()))
        .body(new CustomerApi.Registered(customer.id()));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a customer's profile",
      description = "Replaces name, email, credit limit and status (ACTIVE or BLOCKED: a blocked"
          + " customer's orders are rejected).")
  @ApiResponse(responseCode = "200", description = "The customer as changed")
  @ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No customer has this id",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  CustomerApi.CustomerBody update(@PathVariable String id,
                                  @RequestBody CustomerApi.UpdateRequest body) {
    return CustomerApi.CustomerBody.of(handle(new CustomerCommand.Update(id,
        body.name(), body.email(), body.creditLimit(), body.status(), now())));
  }

  @PutMapping("/{id}/address")
  @Operation(summary = "Move a customer",
      description = "Replaces the customer's address.")
  @ApiResponse(responseCode = "200", description = "The customer at the new address")
  @ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No customer has this id",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  CustomerApi.CustomerBody move(@PathVariable String id,
                                @RequestBody CustomerApi.AddressBody body) {
    return CustomerApi.CustomerBody.of(handle(
        new CustomerCommand.ChangeAddress(id, body.toDomain(), now())));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A customer", description = "A customer's profile by id.")
  @ApiResponse(responseCode = "200", description = "The customer")
  @ApiResponse(responseCode = "404", description = "No customer has this id",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
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
