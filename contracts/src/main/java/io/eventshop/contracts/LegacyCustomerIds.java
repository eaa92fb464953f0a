package io.eventshop.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The shop's customer id of a customer taken over from the legacy CRM: a name-based UUID of the
 * CRM's id, so that the same legacy customer always becomes the same shop customer, on every
 * machine and after any replay, and a client that knows the CRM's id can find it in the shop.
 */
public final class LegacyCustomerIds {

  /** The origin's system name of every customer taken over from the CRM. */
  public static final String SYSTEM = "legacy-crm";

  private LegacyCustomerIds() {
  }

  /** The shop's id of the CRM's customer {@code legacyId}. */
  public static String customerIdOf(String legacyId) {
    return UUID.nameUUIDFromBytes((SYSTEM + ":customer:" + legacyId)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }
}
