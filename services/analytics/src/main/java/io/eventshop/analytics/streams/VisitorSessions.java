package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.VisitorSession;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.SessionStore;

/**
 * Visitor sessions: a visitor's clicks with no gap of {@code session-gap} or more between them
 * (session windows; a late click that bridges two sessions merges them) → {@code visitor-sessions},
 * once the session has closed (its last click plus the gap plus the grace period). Clicks are
 * keyed by visitor already: no repartition.
 */
public final class VisitorSessions {

  /** Visitor id → their sessions. */
  public static final String STORE = "visitor-sessions";

  private VisitorSessions() {
  }

  public static void build(KStream<String, ClickEvent> clicks, AvroSerdes serdes,
                           AnalyticsSettings settings) {
    Serde<VisitorSession> sessions = serdes.of(VisitorSession.class);
    clicks
        .groupByKey(Grouped.with(Serdes.String(), serdes.of(ClickEvent.class)))
        .windowedBy(SessionWindows.ofInactivityGapAndGrace(settings.sessionGap(),
            settings.grace()))
        .aggregate(VisitorSessions::empty, VisitorSessions::add, VisitorSessions::merge,
            Named.as("visitor-session"),
            Materialized.<String, VisitorSession, SessionStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String()).withValueSerde(sessions)
                .withStoreType(CheckpointedStores.ROCKS_DB))
        .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())
            .withName("closed-visitor-sessions"))
        .toStream(Named.as("visitor-sessions"))
        // a session merged into a later one leaves a tombstone behind: nothing to publish
        .filter((window, session) -> session != null, Named.as("whole-sessions"))
        .map((window, session) -> KeyValue.pair(AnalyticsTopology.windowKey(window),
            spanning(window, session)), Named.as("visitor-session-records"))
        .to(Topics.VISITOR_SESSIONS.name(), Produced.with(Serdes.String(), sessions));
  }

  /** {@code session} with the start and end of its window. */
  public static VisitorSession spanning(Windowed<String> window, VisitorSession session) {
    return VisitorSession.newBuilder(session)
        .setVisitorId(window.key())
        .setSessionStart(window.window().startTime())
        .setSessionEnd(window.window().endTime())
        .build();
  }

  private static VisitorSession empty() {
    return new VisitorSession("", Instant.EPOCH, Instant.EPOCH, 0L, 0L, 0L, false);
  }

  private static VisitorSession add(String visitor, ClickEvent click, VisitorSession session) {
    return VisitorSession.newBuilder(session)
        .setVisitorId(visitor)
        .setEvents(session.getEvents() + 1)
        .setProductViews(session.getProductViews() + (click.getAction() == ClickAction.PRODUCT_VIEW ? 1 : 0))
        .setAddedToCart(session.getAddedToCart()
            + (click.getAction() == ClickAction.ADD_TO_CART ? 1 : 0))
        .setConverted(session.getConverted() || click.getAction() == ClickAction.CHECKOUT)
        .build();
  }

  private static VisitorSession merge(String visitor, VisitorSession a, VisitorSession b) {
    return VisitorSession.newBuilder(a)
        .setVisitorId(visitor)
        .setEvents(a.getEvents() + b.getEvents())
        .setProductViews(a.getProductViews() + b.getProductViews())
        .setAddedToCart(a.getAddedToCart() + b.getAddedToCart())
        .setConverted(a.getConverted() || b.getConverted())
        .build();
  }
}
