package io.eventshop.launcher.simulate;

import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Visitors browsing the shop: each lands on the shop page, views products (popular ones more
 * often), searches now and then, adds what it viewed to the cart, and leaves after a handful of
 * actions, a think time apart. A share of them are buyers: they check out, which places a real
 * order through {@link Checkout}, and the checkout click carries that order's id. A fraction of
 * clicks is sent late, with an event time minutes in the past (a phone that was offline).
 */
final class ClickstreamSimulation {

  /** Places a visitor's order for real; completes with the order id. */
  @FunctionalInterface
  interface Checkout {
    CompletableFuture<String> place(String visitorId, String sku, int quantity);
  }

  static final int MEAN_ACTIONS = 8;
  static final int CHECKOUTS_IN_FLIGHT = 16;
  static final Duration LATE_AT_LEAST = Duration.ofSeconds(30);
  static final Duration LATE_AT_MOST = Duration.ofMinutes(5);

  private final Random random;
  private final List<String> skus;
  private final double buyerShare;
  private final double lateFraction;
  private final Duration meanThink;
  private final Checkout checkout;
  private final PriorityQueue<Visitor> visitors =
      new PriorityQueue<>((a, b) -> a.due.compareTo(b.due));
  private final Queue<ClickEvent> checkedOut = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger ordersPlaced = new AtomicInteger();
  private final AtomicInteger ordersFailed = new AtomicInteger();
  private int late;

  ClickstreamSimulation(Random random, List<String> skus, int visitors, double buyerShare,
                        double lateFraction, Duration meanThink, Checkout checkout,
                        Instant start) {
    if (skus.isEmpty()) {
      throw new IllegalArgumentException("there are no products to browse");
    }
    this.random = random;
    this.skus = List.copyOf(skus);
    this.buyerShare = buyerShare;
    this.lateFraction = lateFraction;
    this.meanThink = meanThink;
    this.checkout = checkout;
    for (int i = 0; i < visitors; i++) {
      this.visitors.add(newVisitor(start.plus(think())));
    }
  }

  /** The next click, at {@code now}: a finished checkout's, else the visitor due first. */
  ClickEvent next(Instant now) {
    ClickEvent done = checkedOut.poll();
    if (done != null) {
      return stamped(done, now);
    }
    for (;;) {
      Visitor visitor = visitors.poll();
      ClickEvent click = visitor.act(now);
      visitors.add(visitor.actionsLeft < 0 ? newVisitor(now.plus(think())) : visitor);
      if (click != null) {
        return stamped(click, now);
      }
    }
  }

  /**
   * The checkout clicks of orders still being placed when the run ends, waiting for them at most
   * {@code patience}: a buyer's order is not left without its click.
   */
  List<ClickEvent> finishCheckouts(Duration patience, Instant now) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<ClickEvent> clicks = new ArrayList<>();
    for (ClickEvent click = checkedOut.poll(); click != null; click = checkedOut.poll()) {
      clicks.add(stamped(click, now));
    }
    return clicks;
  }

  int ordersPlaced() {
    return ordersPlaced.get();
  }

  int ordersFailed() {
    return ordersFailed.get();
  }

  int late() {
    return late;
  }

  private ClickEvent stamped(ClickEvent click, Instant now) {
    click.setOccurredAt(now);
    if (random.nextDouble() < lateFraction) {
      late++;
      long spread = LATE_AT_MOST.minus(LATE_AT_LEAST).toMillis();
      click.setOccurredAt(now.minus(LATE_AT_LEAST).minusMillis((long) (random.nextDouble()
          * spread)));
    }
    return click;
  }

  private Visitor newVisitor(Instant due) {
    return new Visitor(new UUID(random.nextLong(), random.nextLong()).toString(), due,
        random.nextDouble() < buyerShare, 1 + geometric(MEAN_ACTIONS));
  }

  private Duration think() {
    return Duration.ofMillis((long) (-Math.log(1 - random.nextDouble()) * meanThink.toMillis()));
  }

  private int geometric(int mean) {
    return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - 1.0 / mean));
  }

  /** Popular products first: the square of a uniform draw favours the low indices. */
  private String popularSku() {
    double u = random.nextDouble();
    return skus.get((int) (u * u * skus.size()));
  }

  private final class Visitor {

    private final String id;
    private final boolean buyer;
    private final List<String> cart = new ArrayList<>();
    private Instant due;
    private int actionsLeft;
    private boolean landed;
    private String lastViewed;

    Visitor(String id, Instant due, boolean buyer, int actions) {
      this.id = id;
      this.due = due;
      this.buyer = buyer;
      this.actionsLeft = actions;
    }

    /** This visitor's next action, or null when it leaves without one (then actionsLeft < 0). */
    ClickEvent act(Instant now) {
      due = now.plus(think());
      if (!landed) {
        landed = true;
        return click(ClickAction.PAGE_VIEW, "#/shop", null, null, null);
      }
      if (actionsLeft-- <= 0) {
        actionsLeft = -1;
        return buyer && !cart.isEmpty() ? checkOut() : null;
      }
      double r = random.nextDouble();
      if (lastViewed != null && (r < 0.3 || buyer && cart.isEmpty())) {
        cart.add(lastViewed);
        return click(ClickAction.ADD_TO_CART, "#/shop", lastViewed, 1 + random.nextInt(2), null);
      }
      if (r < 0.4) {
        String sku = popularSku();
        return click(ClickAction.SEARCH, "#/shop", null, null, sku.split("-")[0]);
      }
      lastViewed = popularSku();
      return click(ClickAction.PRODUCT_VIEW, "#/shop", lastViewed, null, null);
    }

    /** Opens the cart and places the order; its CHECKOUT click follows once it is placed. */
    private ClickEvent checkOut() {
      if (inFlight.incrementAndGet() > CHECKOUTS_IN_FLIGHT) {
        inFlight.decrementAndGet();
        return click(ClickAction.PAGE_VIEW, "#/cart", null, null, null);
      }
      String sku = cart.get(0);
      checkout.place(id, sku, 1).whenComplete((orderId, error) -> {
        inFlight.decrementAndGet();
        if (error == null) {
          ordersPlaced.incrementAndGet();
          ClickEvent click = click(ClickAction.CHECKOUT, "#/cart", null, null, null);
          click.setOrderId(orderId);
          checkedOut.add(click);
        } else {
          ordersFailed.incrementAndGet();
        }
      });
      return click(ClickAction.PAGE_VIEW, "#/cart", null, null, null);
    }

    private ClickEvent click(ClickAction action, String page, String sku, Integer quantity,
                             String query) {
      return new ClickEvent(id, action, sku, Instant.EPOCH, null, page, quantity, query);
    }
  }
}
