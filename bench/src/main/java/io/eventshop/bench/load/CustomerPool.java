package io.eventshop.bench.load;

import java.time.Duration;
import java.util.List;

/**
 * Hands out customers round-robin so that no customer places more than {@code maxOrders} orders
 * within {@code window}: the shop's fraud rule rejects a customer's 11th order within a minute, and
 * a benchmark measures the happy path. Round-robin is the fairest spread, so when the next customer
 * has no budget left, none has: the order still goes out (the load must not bend) and is counted
 * in {@link #overBudget()}; expect FRAUD_SUSPECTED rejections then, and seed more customers.
 */
public final class CustomerPool {

  private final List<String> customers;
  private final int maxOrders;
  private final long windowNanos;
  // Per customer, the send times of its last maxOrders orders (a ring).
  private final long[][] recent;
  private final int[] next;
  private final long[] used;
  private int cursor;
  private long overBudget;

  public CustomerPool(List<String> customers, int maxOrders, Duration window) {
    if (customers.isEmpty() || maxOrders < 1) {
      throw new IllegalArgumentException("need customers and a budget of at least one order");
    }
    this.customers = List.copyOf(customers);
    this.maxOrders = maxOrders;
    this.windowNanos = window.toNanos();
    this.recent = new long[customers.size()][maxOrders];
    this.next = new int[customers.size()];
    this.used = new long[customers.size()];
  }

  /** The customer of an order sent at {@code nowNanos}. */
  public synchronized String next(long nowNanos) {
    int customer = cursor;
    cursor = (cursor + 1) % customers.size();
    if (used[customer] >= maxOrders
        && nowNanos - recent[customer][next[customer]] < windowNanos) {
      overBudget++;
    }
    recent[customer][next[customer]] = nowNanos;
    next[customer] = (next[customer] + 1) % maxOrders;
    used[customer]++;
    return customers.get(customer);
  }

  /** Orders handed a customer that had already used its budget within the window. */
  public synchronized long overBudget() {
    return overBudget;
  }

  /** Orders per second the pool sustains without exceeding any customer's budget. */
  public double sustainableRate() {
    return customers.size() * (double) maxOrders / (windowNanos / 1e9);
  }
}
