package io.eventshop.platform.web;

import java.io.IOException;

/** A request body exceeded {@code eventshop.http.max-request-body}; answered with 413. */
public class RequestBodyTooLarge extends IOException {

  private final long limit;

  public RequestBodyTooLarge(long limit) {
    super("request body larger than " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit in bytes. */
  public long limit() {
    return limit;
  }
}
