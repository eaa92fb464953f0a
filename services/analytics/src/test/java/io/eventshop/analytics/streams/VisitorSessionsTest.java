package io.eventshop.analytics.streams;

import static io.eventshop.analytics.streams.AnalyticsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.VisitorSession;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VisitorSessionsTest {

  private AnalyticsDriver analytics;
  private TestInputTopic<String, ClickEvent> clicks;
  private TestOutputTopic<String, VisitorSession> sessions;

  private void start(AnalyticsSettings settings) {
    analytics = new AnalyticsDriver(settings);
    clicks = analytics.input(Topics.CLICKSTREAM, ClickEvent.class);
    sessions = analytics.output(Topics.VISITOR_SESSIONS, VisitorSession.class);
  }

  @AfterEach
  void close() {
    analytics.close();
  }

  @Test
  void aSessionClosedByThirtyMinutesOfInactivityIsPublishedWithWhatTheVisitorDid() {
    start(AnalyticsDriver.settings());
    click("v1", ClickAction.PRODUCT_VIEW, 0);
    click("v1", ClickAction.PRODUCT_VIEW, 10);
    click("v1", ClickAction.ADD_TO_CART, 20);
    click("v1", ClickAction.CHECKOUT, 25);
    click("v2", ClickAction.PRODUCT_VIEW, 55);
    assertThat(sessions.isEmpty()).as("closes at its last click + gap + grace").isTrue();

    click("v2", ClickAction.PRODUCT_VIEW, 56);

    List<VisitorSession> closed = sessions.readValuesToList();
    assertThat(closed).hasSize(1);
    VisitorSession session = closed.get(0);
    assertThat(session.getVisitorId()).isEqualTo("v1");
    assertThat(session.getSessionStart()).isEqualTo(T0);
    assertThat(session.getSessionEnd()).isEqualTo(T0.plus(Duration.ofMinutes(25)));
    assertThat(session.getEvents()).isEqualTo(4);
    assertThat(session.getProductViews()).isEqualTo(2);
    assertThat(session.getAddedToCart()).isEqualTo(1);
    assertThat(session.getConverted()).isTrue();
  }

  @Test
  void aLateClickWithinTheGracePeriodThatBridgesTwoSessionsMergesThem() {
    start(AnalyticsDriver.settings(Duration.ofMinutes(10)));
    click("v1", ClickAction.PRODUCT_VIEW, 0);
    click("v1", ClickAction.PRODUCT_VIEW, 35);
    click("v1", ClickAction.PRODUCT_VIEW, 15);
    click("v2", ClickAction.PRODUCT_VIEW, 120);

    List<VisitorSession> closed = sessions.readValuesToList().stream()
        .filter(s -> s.getVisitorId().equals("v1")).toList();
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).getEvents()).isEqualTo(3);
    assertThat(closed.get(0).getSessionStart()).isEqualTo(T0);
    assertThat(closed.get(0).getSessionEnd()).isEqualTo(T0.plus(Duration.ofMinutes(35)));
    assertThat(closed.get(0).getConverted()).isFalse();
  }

  @Test
  void aClickLaterThanTheGracePeriodIsDropped() {
    start(AnalyticsDriver.settings());
    click("v1", ClickAction.PRODUCT_VIEW, 0);
    click("v2", ClickAction.PRODUCT_VIEW, 120);
    // would extend v1's session to 10:10, which closed at 10:40:30 in event time
    click("v1", ClickAction.ADD_TO_CART, 10);
    click("v2", ClickAction.PRODUCT_VIEW, 240);

    List<VisitorSession> v1 = sessions.readValuesToList().stream()
        .filter(s -> s.getVisitorId().equals("v1")).toList();
    assertThat(v1).hasSize(1);
    assertThat(v1.get(0).getEvents()).isEqualTo(1);
    assertThat(v1.get(0).getAddedToCart()).isZero();
  }

  private void click(String visitor, ClickAction action, int minutesAfterT0) {
    clicks.pipeInput(visitor, new ClickEvent(visitor, action,
        action == ClickAction.CHECKOUT ? null : "mug",
        T0.plus(Duration.ofMinutes(minutesAfterT0)), null, null, null, null));
  }
}
