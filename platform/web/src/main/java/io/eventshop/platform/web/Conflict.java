package io.eventshop.platform.web;

import org.springframework.http.HttpStatus;

/** 409: the request contradicts the entity's current state (e.g. it already exists). */
public final class Conflict extends ShopProblem {

  /** E.g. {@code new Conflict("product", "SKU-1", "product SKU-1 already exists")}. */
  public Conflict(String entity, String id, String detail) {
    super(HttpStatus.CONFLICT, "conflict", detail, entity(entity, id));
  }
}
