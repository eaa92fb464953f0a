package io.eventshop.customer.kafka;

/** A customer change could not be written to Kafka; nothing of it is visible to readers. */
public final class CustomerWriteFailed extends RuntimeException {

  public CustomerWriteFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
