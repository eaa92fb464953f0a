package io.eventshop.gateway.clicks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickValidationTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final GatewayProperties.Clicks SETTINGS =
      new GatewayProperties.Clicks(3, Duration.ofMinutes(5), Duration.ofDays(1));
  private final ClickValidation validation =
      new ClickValidation(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void turnsEachActionIntoAnEventOfTheVisitor() {
    List<ClickEvent> events = validation.events("v-1", new ClickBatch(List.of(
        new ClickBatch.Click("PRODUCT_VIEW", "#/shop", "mug", null, null, null,
            NOW.minusSeconds(3)),
        new ClickBatch.Click("ADD_TO_CART", "#/shop", "mug", null, null, null, null),
        new ClickBatch.Click("CHECKOUT", "#/cart", null, null, null, "order-1", null))));

    assertThat(events).extracting(ClickEvent::getVisitorId, ClickEvent::getAction,
            ClickEvent::getSku, ClickEvent::getQuantity, ClickEvent::getOrderId,
            ClickEvent::getOccurredAt)
        .containsExactly(
            tuple("v-1", ClickAction.PRODUCT_VIEW, "mug", null, null, NOW.minusSeconds(3)),
            tuple("v-1", ClickAction.ADD_TO_CART, "mug", 1, null, NOW),
            tuple("v-1", ClickAction.CHECKOUT, null, null, "order-1", NOW));
  }

  @Test
  void namesEveryFieldAnActionNeedsAndEveryValueOutOfRange() {
    ClickBatch batch = new ClickBatch(List.of(
        new ClickBatch.Click("PRODUCT_VIEW", null, " ", null, null, null, null),
        new ClickBatch.Click("JUMP", null, null, null, null, null, null),
        new ClickBatch.Click("ADD_TO_CART", "x".repeat(201), "mug", 0, null, null,
            NOW.plus(Duration.ofMinutes(6)))));

    assertThatThrownBy(() -> validation.events("v-1", batch))
        .isInstanceOfSatisfying(ClickValidation.InvalidBatch.class, invalid ->
            assertThat(invalid.problems()).extracting(ClickValidation.Problem::field)
                .containsExactly("clicks[0].sku", "clicks[1].action", "clicks[2].page",
                    "clicks[2].quantity", "clicks[2].occurredAt"));
  }

  @Test
  void needsTheQueryOfASearchAndTheOrderOfACheckoutAndRefusesOldClicks() {
    ClickBatch batch = new ClickBatch(List.of(
        new ClickBatch.Click("SEARCH", null, null, null, null, null, null),
        new ClickBatch.Click("CHECKOUT", null, null, null, null, null, null),
        new ClickBatch.Click("PAGE_VIEW", "#/shop", null, null, null, null,
            NOW.minus(Duration.ofDays(2)))));

    assertThatThrownBy(() -> validation.events("v-1", batch))
        .isInstanceOfSatisfying(ClickValidation.InvalidBatch.class, invalid ->
            assertThat(invalid.problems()).extracting(ClickValidation.Problem::field)
                .containsExactly("clicks[0].query", "clicks[1].orderId", "clicks[2].occurredAt"));
  }

  @Test
  void refusesAnEmptyBatchAndOneOverTheLimit() {
    ClickBatch.Click view = new ClickBatch.Click("PAGE_VIEW", "#/shop", null, null, null, null,
        null);
    for (ClickBatch batch : new ClickBatch[] {null, new ClickBatch(null),
        new ClickBatch(List.of()), new ClickBatch(Collections.nCopies(4, view)),
        new ClickBatch(Collections.singletonList(null))}) {
      assertThatThrownBy(() -> validation.events("v-1", batch))
          .isInstanceOfSatisfying(ClickValidation.InvalidBatch.class, invalid ->
              assertThat(invalid.problems()).extracting(ClickValidation.Problem::field)
                  .first().asString().startsWith("clicks"));
    }
  }
}
