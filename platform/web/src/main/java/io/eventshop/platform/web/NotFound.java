package io.eventshop.platform.web;

import org.springframework.http.HttpStatus;

/** 404: the entity with this id does not exist. */
public final class NotFound extends ShopProblem {

  /** E.g. {@code new NotFound("product", "SKU-1")}: "product SKU-1 not found". */
  public NotFound(String entity, String id) {
    super(HttpStatus.NOT_FOUND, "not-found", entity + " " + id + " not found",
        entity(entity, id));
  }
}
