package io.eventshop.gateway.clicks;

import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a whole {@link ClickBatch} before anything of it is written, and turns it into the
 * {@code clickstream} contract: a batch is taken whole or not at all, and every problem is named
 * by its JSON path ({@code clicks[2].sku}).
 */
public final class ClickValidation {

  /** One offending field and what is wrong with it (the services' problem shape). */
  public record Problem(String field, String message) {
  }

  /** The batch was not taken: {@link #problems()} says why. */
  public static final class InvalidBatch extends RuntimeException {

    private final transient List<Problem> problems;

    InvalidBatch(List<Problem> problems) {
      super(problems.stream().map(p -> p.field() + " " + p.message())
          .collect(Collectors.joining("; ")));
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  static final int MAX_TEXT = 200;
  static final int MAX_QUANTITY = 1_000;
  private static final Set<ClickAction> NEED_SKU =
      Set.of(ClickAction.PRODUCT_VIEW, ClickAction.ADD_TO_CART);
  private static final String ACTIONS = Arrays.stream(ClickAction.values()).map(Enum::name)
      .collect(Collectors.joining(", "));

  private final GatewayProperties.Clicks settings;
  private final Clock clock;

  public ClickValidation(GatewayProperties.Clicks settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The batch as events of {@code visitorId}; throws {@link InvalidBatch} naming each problem. */
  public List<ClickEvent> events(String visitorId, ClickBatch batch) {
    List<Problem> problems = new ArrayList<>();
    if (batch == null || batch.clicks() == null || batch.clicks().isEmpty()) {
      throw new InvalidBatch(List.of(new Problem("clicks", "must hold at least one click")));
    }
    if (batch.clicks().size() > settings.maxBatch()) {
      throw new InvalidBatch(List.of(new Problem("clicks",
          "must hold at most " + settings.maxBatch() + " clicks, not " + batch.clicks().size())));
    }
    Instant now = clock.instant();
    List<ClickEvent> events = new ArrayList<>();
    for (int i = 0; i < batch.clicks().size(); i++) {
      ClickEvent event = event(visitorId, batch.clicks().get(i), "clicks[" + i + "].", now,
          problems);
      events.add(event);
    }
    if (!problems.isEmpty()) {
      throw new InvalidBatch(problems);
    }
    return events;
  }

  private ClickEvent event(String visitorId, ClickBatch.Click click, String path, Instant now,
                           List<Problem> problems) {
    if (click == null) {
      problems.add(new Problem(path.substring(0, path.length() - 1), "must be an object"));
      return null;
    }
    ClickAction action = action(click.action(), path, problems);
    text(click.page(), path + "page", false, problems);
    text(click.sku(), path + "sku", action != null && NEED_SKU.contains(action), problems);
    text(click.query(), path + "query", action == ClickAction.SEARCH, problems);
    text(click.orderId(), path + "orderId", action == ClickAction.CHECKOUT, problems);
    Integer quantity = click.quantity();
    if (action == ClickAction.ADD_TO_CART && quantity == null) {
      quantity = 1;
    }
    if (quantity != null && (quantity < 1 || quantity > MAX_QUANTITY)) {
      problems.add(new Problem(path + "quantity", "must be 1.." + MAX_QUANTITY));
    }
    Instant occurredAt = click.occurredAt() == null ? now : click.occurredAt();
    if (occurredAt.isAfter(now.plus(settings.maxClockSkew()))) {
      problems.add(new Problem(path + "occurredAt",
          "must not be more than " + settings.maxClockSkew() + " in the future"));
    } else if (occurredAt.isBefore(now.minus(settings.maxAge()))) {
      problems.add(new Problem(path + "occurredAt",
          "must be within the last " + settings.maxAge()));
    }
    return new ClickEvent(visitorId, action, click.sku(), occurredAt, click.orderId(),
        click.page(), quantity, click.query());
  }

  private static ClickAction action(String value, String path, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(path + "action", "is required (one of " + ACTIONS + ")"));
      return null;
    }
    try {
      return ClickAction.valueOf(value);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(path + "action", "must be one of " + ACTIONS));
      return null;
    }
  }

  private static void text(String value, String field, boolean required,
                           List<Problem> problems) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(new Problem(field, "is required for this action"));
      }
    } else if (value.length() > MAX_TEXT) {
      problems.add(new Problem(field, "must be at most " + MAX_TEXT + " characters"));
    }
  }
}
