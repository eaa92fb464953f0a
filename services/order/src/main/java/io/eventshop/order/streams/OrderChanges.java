package io.eventshop.order.streams;

import io.eventshop.order.domain.Order;

/**
 * Told about the changes of the orders this instance aggregates, on the stream thread: must not
 * block (waiters and server-sent events hand the work off).
 *
 * <p>Two kinds, because only one may be told to anyone at once. A change that follows from a
 * committed record the aggregator has just read (a placement or cancellation written by the API,
 * or an outcome read back from {@code orders}) is {@link #changed}: whatever becomes of the open
 * transaction, processing that record again gives the same change. An outcome the aggregator
 * {@link #decided} itself is only written inside its open transaction; that transaction may still
 * abort, and the outcome be decided again differently (a timeout is wall-clock). It is told as
 * {@link #changed} once the aggregator reads it back from {@code orders}, which it reads
 * read_committed, i.e. after the commit.
 */
public interface OrderChanges {

  OrderChanges NONE = new OrderChanges() {
    @Override
    public void changed(Order order) {
    }

    @Override
    public void decided(Order before, Order decided) {
    }

    @Override
    public void started(int partition) {
    }
  };

  /** The order changed, and the change is final whatever becomes of the open transaction. */
  void changed(Order order);

  /**
   * The aggregator has decided {@code decided} in its open transaction, which may still abort;
   * {@code before} is the order as it was. Called before the store holds the decision.
   */
  void decided(Order before, Order decided);

  /**
   * The aggregator (re)starts on {@code partition} of {@code orders}: whatever it decided there
   * before has committed or aborted by now, and a committed outcome not yet read back will be.
   */
  void started(int partition);
}
