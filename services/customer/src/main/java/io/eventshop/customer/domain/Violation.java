package io.eventshop.customer.domain;

/** One thing wrong with a command, named by the field (dotted path, e.g. {@code address.country}). */
public record Violation(String field, String message) {
}
