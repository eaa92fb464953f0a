package io.eventshop.platform.web;

import org.springframework.http.HttpStatus;

/**
 * 422: well-formed, but a business rule refuses it (e.g. an order line names an unknown sku).
 */
public final class Unprocessable extends ShopProblem {

  /** E.g. {@code new Unprocessable("product", "SKU-9", "unknown product SKU-9")}. */
  public Unprocessable(String entity, String id, String detail) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", detail, entity(entity, id));
  }
}
