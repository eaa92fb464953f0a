package io.eventshop.customer.domain;

/**
 * Where a customer the shop took over comes from: the system holding the original (the legacy
 * CRM) and the customer's id there. A customer registered in the shop has none.
 */
public record Origin(String system, String id) {
}
