package io.eventshop.customer.legacy;

/**
 * A legacy customer the shop cannot take over as the CRM holds it (no email, an unknown country,
 * …). Its change goes to the dead-letter topic with this message, and the integration carries on:
 * the next change of the same customer in the CRM is tried again.
 */
public final class LegacyCustomerRefused extends RuntimeException {

  public LegacyCustomerRefused(String legacyId, String reason, Throwable cause) {
    super("legacy customer " + legacyId + " cannot be taken over: " + reason, cause);
  }
}
