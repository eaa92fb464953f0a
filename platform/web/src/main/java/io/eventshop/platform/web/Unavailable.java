package io.eventshop.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 503: the answer is not available right now (state restoring, rebalance); retry shortly. */
public final class Unavailable extends ShopProblem {

  public Unavailable(String detail) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, Map.of());
  }
}
