package io.eventshop.stock.domain;

import java.util.List;

/** Stock's answer for one order: passed with everything reserved, or failed with the problems. */
public record StockVerdict(String orderId, String customerId, boolean passed,
                           List<StockProblem> problems, String detail) {

  public StockVerdict {
    problems = List.copyOf(problems);
  }
}
