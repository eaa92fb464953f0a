package io.eventshop.analytics.streams;

import io.eventshop.contracts.analytics.ProductViewCount;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A product's count in one trending window, re-keyed by the window's start and stamped with it:
 * the counts of a window then meet in one place, and in event time at the window's start, so
 * that the top list of each window is one window of a window store.
 */
final class TrendingWindowCounts
    extends ContextualProcessor<Windowed<String>, Long, String, ProductViewCount> {

  @Override
  public void process(Record<Windowed<String>, Long> count) {
    Windowed<String> window = count.key();
    context().forward(count
        .withKey(Long.toString(window.window().start()))
        .withValue(new ProductViewCount(window.key(), window.window().startTime(),
            window.window().endTime(), count.value()))
        .withTimestamp(window.window().start()));
  }
}
