package io.eventshop.order.api;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import io.eventshop.order.config.OrderSettings;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderCommand.CancelOrder;
import io.eventshop.order.domain.OrderCommand.PlaceOrder;
import io.eventshop.order.domain.OrderDecider;
import io.eventshop.order.domain.OrderEvent;
import io.eventshop.order.domain.OrderLine;
import io.eventshop.order.domain.OrderNotCancellable;
import io.eventshop.order.domain.OrderState;
import io.eventshop.order.streams.OrderRecords;
import io.eventshop.platform.streams.Forwarding;
import io.eventshop.platform.streams.InteractiveQueries.KeyOwner;
import io.eventshop.platform.web.Conflict;
import io.eventshop.platform.web.NotFound;
import io.eventshop.platform.web.Unavailable;
import io.eventshop.platform.web.Unprocessable;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order API. Commands write one event to {@code orders} and answer 202; queries answer from
 * the Kafka Streams stores of the instance owning the order (forwarded there if that is another
 * instance), never with an outcome whose transaction has not committed
 * ({@link OrderUpdates#committed}). Nothing here blocks a thread: writes complete on the
 * producer's callback, waits on the aggregator's change notifications.
 */
@RestController
@OpenAPIDefinition(info = @Info(title = "Order API",
    version = "${spring.application.version:development}",
    description = "Places orders and tracks them to a final state. An order is PLACED when it is"
        + " written to the `orders` topic (202); the stock, customer and fraud checks run in"
        + " parallel, and the order becomes VALIDATED or REJECTED with the reasons; a validated"
        + " order can be CANCELLED, which gives its stock back. Reads answer from the order"
        + " service's own state: `?waitFor=FINAL` waits for the outcome, and"
        + " `/api/orders/stream` pushes every change."))
@Tag(name = "Orders", description = "Placing, following and cancelling orders")
@ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Not written to Kafka, or the order's owner is"
    + " moving between instances; retry", content = @Content(
        mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
public class OrderController {

  static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

  /** The validation outcome is known: VALIDATED, REJECTED or later. */
  private static final Predicate<Order> DECIDED =
      order -> order.isPlaced() && order.state().isDecided();

  /** A new order: who orders what. */
  public record PlaceOrderRequest(
      @NotBlank @Pattern(regexp = ID) String customerId,
      @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines) {
  }

  /** One line: which product, how many. */
  public record LineRequest(@NotBlank @Size(max = 64) String sku,
                            @NotNull @Positive @Max(10_000) Integer quantity) {
  }

  /** What a command answers: the order and its state. */
  public record Accepted(String id, OrderState state) {
  }

  private final LocalOrders local;
  private final OrderUpdates updates;
  private final OrderDecider decider;
  private final Producer<String, io.eventshop.contracts.order.OrderEvent> producer;
  private final OrderSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final OrderIdentity identity = new OrderIdentity();
  private final Forwarding forwarding = new Forwarding();
  private final Set<String> cancelling = ConcurrentHashMap.newKeySet();

  public OrderController(LocalOrders local, OrderUpdates updates, OrderDecider decider,
                         Producer<String, io.eventshop.contracts.order.OrderEvent> producer,
                         OrderSettings settings, JsonMapper json, Clock clock) {
    this.local = local;
    this.updates = updates;
    this.decider = decider;
    this.producer = producer;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Places an order priced from the local catalogue. With an {@code Idempotency-Key} the order id
   * is derived from (customer, key), so a retry answers with the same order. With
   * {@code Prefer: wait=N} it answers once the outcome is known (201 with the order), or after N
   * seconds (202): one request instead of a placement and a long poll.
   */
  @PostMapping("/api/orders")
  @Operation(summary = "Place an order",
      description = "An order of one or more lines, priced from the catalogue. It is accepted"
          + " (202, PLACED) once written; the checks decide it asynchronously. With an"
          + " `Idempotency-Key` a retry answers with the same order instead of placing another."
          + " With `Prefer: wait=N` (RFC 7240; seconds, capped as `waitFor` is) it answers 201"
          + " with the decided order as soon as the outcome is committed, or 202 after N"
          + " seconds; `Preference-Applied` says the wait was honoured.")
  @ApiResponse(responseCode = "201", description = "Placed and decided within the `Prefer`"
      + " wait: the order as `GET /api/orders/{id}` shows it",
      content = @Content(schema = @Schema(implementation = OrderView.class)))
  @ApiResponse(responseCode = "202", description = "Placed; `Location` names the order",
      content = @Content(schema = @Schema(implementation = Accepted.class)))
  @ApiResponse(responseCode = "422", description = "A line names a product not in the"
      + " catalogue; nothing was written", content = @Content(
          mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  public CompletableFuture<ResponseEntity<Object>> place(
      @Valid @RequestBody PlaceOrderRequest body,
      @Parameter(description = "the client's key of this checkout: a retry with it places no"
          + " second order")
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 128)
      String idempotencyKey,
      @Parameter(description = "`wait=N`: answer with the outcome if it comes within N seconds")
      @RequestHeader(name = PreferWait.PREFER, required = false) String prefer,
      HttpServletRequest request) {
    List<OrderLine> lines = price(body.lines());
    Optional<Duration> wait = PreferWait.of(prefer).map(this::capped);
    String orderId = identity.newId(body.customerId(), idempotencyKey);
    if (idempotencyKey != null) {
      KeyOwner owner = local.ownerOfOrder(orderId);
      if (!owner.local()) {
        return forwarding.forward(owner, request, json.writeValueAsString(body),
            settings.forwardTimeout().plus(wait.orElse(Duration.ZERO)));
      }
      Optional<Order> known = local.order(orderId).or(() -> updates.written(orderId));
      if (known.isPresent()) {
        return outcome(known.get(), wait);
      }
    }
    PlaceOrder command = new PlaceOrder(orderId, body.customerId(), lines, idempotencyKey,
        clock.instant());
    List<OrderEvent> placed = decider.decide(command, Order.unknown(orderId));
    Order order = decider.evolve(Order.unknown(orderId), placed);
    if (idempotencyKey != null && !updates.rememberWritten(order)) {
      return outcome(order, wait);
    }
    return write(order, placed.get(0)).thenCompose(written -> outcome(order, wait));
  }

  /**
   * What a placement answers: 202 with the order as placed, or — with a {@code wait}, on the
   * instance that aggregates the order — 201 with the decided order once its outcome is committed,
   * 202 if that takes longer. Another instance owning the order cannot be told its outcome, so
   * it answers at once (a preference may be ignored).
   */
  private CompletableFuture<ResponseEntity<Object>> outcome(Order placed,
                                                            Optional<Duration> wait) {
    if (wait.isEmpty() || !local.ownerOfOrder(placed.id()).local()) {
      return CompletableFuture.completedFuture(accepted(placed));
    }
    String applied = PreferWait.applied(wait.get());
    return updates.await(placed.id(), DECIDED, wait.get(), () -> local.order(placed.id()))
        .thenApply(order -> order.filter(DECIDED)
            .map(decided -> located(HttpStatus.CREATED, decided)
                .header(PreferWait.PREFERENCE_APPLIED, applied).<Object>body(OrderView.of(decided)))
            .orElseGet(() -> located(HttpStatus.ACCEPTED, placed)
                .header(PreferWait.PREFERENCE_APPLIED, applied)
                .body(new Accepted(placed.id(), placed.state()))));
  }

  private Duration capped(Duration wait) {
    return wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
  }

  /**
   * An order; with {@code waitFor=VALIDATED|FINAL} answers once the validation outcome is known
   * (VALIDATED, REJECTED or later) or the timeout has passed, whichever comes first.
   */
  @GetMapping("/api/orders/{id}")
  @Operation(summary = "An order",
      description = "The order with its lines, total, state and the reasons of a rejection."
          + " With `waitFor` it answers once the outcome is known, or after `timeout`.")
  @ApiResponse(responseCode = "200", description = "The order (still PLACED if the wait ran"
      + " out)", content = @Content(schema = @Schema(implementation = OrderView.class)))
  @ApiResponse(responseCode = "404", description = "No order has this id",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  public CompletableFuture<ResponseEntity<Object>> order(
      @PathVariable @Pattern(regexp = ID) String id,
      @Parameter(description = "VALIDATED or FINAL: wait for the validation outcome")
      @RequestParam(required = false) @Pattern(regexp = "VALIDATED|FINAL") String waitFor,
      @Parameter(description = "the longest wait, e.g. `10s` or `500ms` (capped by the service)")
      @RequestParam(required = false) @Pattern(regexp = "\\d{1,6}(ms|s)") String timeout,
      HttpServletRequest request) {
    Duration wait = capped(timeout == null ? settings.defaultWait()
        : DurationStyle.SIMPLE.parse(timeout));
    KeyOwner owner = local.ownerOfOrder(id);
    if (!owner.local()) {
      return forwarding.forward(owner, request, null, wait.plus(settings.forwardTimeout()));
    }
    if (waitFor == null) {
      return CompletableFuture.completedFuture(
          found(id, updates.committed(id, () -> local.order(id))));
    }
    return updates.await(id, DECIDED, wait, () -> local.order(id))
        .thenApply(order -> found(id, order));
  }

  /** The orders of a customer, newest first (all on the instance owning the customer's partition). */
  @GetMapping("/api/customers/{customerId}/orders")
  @Operation(summary = "A customer's orders", description = "Every order of one customer,"
      + " newest first.")
  @ApiResponse(responseCode = "200", description = "The orders (none: an empty list)",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = OrderView.class))))
  public CompletableFuture<ResponseEntity<Object>> ordersOf(
      @PathVariable @Pattern(regexp = ID) String customerId, HttpServletRequest request) {
    KeyOwner owner = local.ownerOfCustomer(customerId);
    if (!owner.local()) {
      return forwarding.forward(owner, request, null, settings.forwardTimeout());
    }
    return CompletableFuture.completedFuture(ResponseEntity.ok(
        local.ordersOf(customerId).stream()
            .map(order -> updates.committed(order.id(), () -> Optional.of(order)))
            .flatMap(Optional::stream).map(OrderView::of).toList()));
  }

  /** Cancels a VALIDATED order: 409 in any other state, 404 if unknown. */
  @PostMapping("/api/orders/{id}/cancel")
  @Operation(summary = "Cancel an order",
      description = "Cancels a VALIDATED order; its stock is released and its credit no longer"
          + " held once the other services have read the cancellation.")
  @ApiResponse(responseCode = "202", description = "Cancelled",
      content = @Content(schema = @Schema(implementation = Accepted.class)))
  @ApiResponse(responseCode = "404", description = "No order has this id",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The order is not VALIDATED (still being"
      + " checked, rejected or already cancelled)", content = @Content(
          mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  public CompletableFuture<ResponseEntity<Object>> cancel(
      @PathVariable @Pattern(regexp = ID) String id, HttpServletRequest request) {
    KeyOwner owner = local.ownerOfOrder(id);
    if (!owner.local()) {
      return forwarding.forward(owner, request, null, settings.forwardTimeout());
    }
    // Decided on committed state only: a VALIDATED whose transaction may still abort is not.
    Order order = updates.committed(id, () -> local.order(id)).orElseGet(() -> Order.unknown(id));
    List<OrderEvent> cancelled;
    try {
      cancelled = decider.decide(new CancelOrder(clock.instant()), order);
    } catch (OrderNotCancellable e) {
      if (e.isUnknownOrder()) {
        throw new NotFound("order", id);
      }
      throw new Conflict("order", id, e.getMessage());
    }
    Order after = decider.evolve(order, cancelled);
    if (!cancelling.add(id)) {
      // A cancellation of this order is already on its way: answer as if this one wrote it.
      return CompletableFuture.completedFuture(accepted(after));
    }
    return write(after, cancelled.get(0)).handle((written, error) -> {
      cancelling.remove(id);
      if (error != null) {
        throw new Unavailable("the cancellation was not written: " + error.getMessage());
      }
      return accepted(after);
    });
  }

  /**
   * Server-sent events ({@code order}) of the order changes this instance aggregates. With
   * {@code customerId}, a client connected to another instance is redirected (307) to the one
   * owning that customer's orders, which sees all of them.
   */
  @GetMapping(path = "/api/orders/stream", produces = "text/event-stream")
  @Operation(summary = "Follow order changes live",
      description = "Server-sent events named `order`, each the order as `GET /api/orders/{id}`"
          + " shows it, whenever one changes; with `customerId` only that customer's orders.")
  @ApiResponse(responseCode = "200", description = "The event stream")
  @ApiResponse(responseCode = "307", description = "Another instance owns this customer's"
      + " orders: follow `Location`")
  public ResponseEntity<SseEmitter> stream(
      @Parameter(description = "only this customer's orders")
      @RequestParam(required = false) @Pattern(regexp = ID) String customerId,
                       HttpServletRequest request) {
    if (customerId != null) {
      KeyOwner owner = local.ownerOfCustomer(customerId);
      if (!owner.local()) {
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
            .location(URI.create(owner.baseUrl() + request.getRequestURI() + "?"
                + request.getQueryString()))
            .build();
      }
    }
    return ResponseEntity.ok(updates.subscribe(customerId));
  }

  private List<OrderLine> price(List<LineRequest> lines) {
    List<OrderLine> priced = new ArrayList<>();
    for (LineRequest line : lines) {
      Product product = local.product(line.sku()).orElseThrow(() -> new Unprocessable("product",
          line.sku(), "unknown product " + line.sku()));
      priced.add(new OrderLine(line.sku(), line.quantity(), product.getPrice()));
    }
    return priced;
  }

  private CompletableFuture<Void> write(Order order, OrderEvent event) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    producer.send(new ProducerRecord<>(Topics.ORDERS.name(), order.id(),
        OrderRecords.toRecord(event, order)), (metadata, error) -> {
          if (error == null) {
            written.complete(null);
          } else {
            updates.forgetWritten(order.id());
            written.completeExceptionally(
                new Unavailable("the order was not written: " + error.getMessage()));
          }
        });
    return written;
  }

  private static ResponseEntity<Object> accepted(Order order) {
    return located(HttpStatus.ACCEPTED, order).body(new Accepted(order.id(), order.state()));
  }

  private static ResponseEntity.BodyBuilder located(HttpStatus status, Order order) {
    return ResponseEntity.status(status).header(HttpHeaders.LOCATION, "/api/orders/" + order.id());
  }

  private static ResponseEntity<Object> found(String id, Optional<Order> order) {
    return ResponseEntity.ok(OrderView.of(order.orElseThrow(() -> new NotFound("order", id))));
  }
}
