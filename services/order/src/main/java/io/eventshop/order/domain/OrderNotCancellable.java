package io.eventshop.order.domain;

/** Only a validated order can be cancelled. */
public final class OrderNotCancellable extends RuntimeException {

  private final transient Order order;

  public OrderNotCancellable(Order order) {
    super(order.isPlaced()
        ? "order " + order.id() + " is " + order.state() + ", only a VALIDATED order can be cancelled"
        : "order " + order.id() + " is unknown");
    this.order = order;
  }

  public boolean isUnknownOrder() {
    return !order.isPlaced();
  }
}
