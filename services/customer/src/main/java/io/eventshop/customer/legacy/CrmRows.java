package io.eventshop.customer.legacy;

import io.eventshop.contracts.customer.LegacyAddress;
import io.eventshop.contracts.customer.LegacyCustomer;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads the CRM's rows as Debezium captures them (flattened to the row's new state by
 * {@code ExtractNewRecordState}, column names as in the CRM's tables) into the shop's records of
 * them. Only the columns the shop uses are read; a column the CRM adds later is ignored, and one it
 * drops reads as null, which the mapping then refuses with a reason.
 */
final class CrmRows {

  /** Added by {@code ExtractNewRecordState} in {@code rewrite} mode: "true" for a deleted row. */
  private static final String DELETED = "__deleted";

  private CrmRows() {
  }

  /** A row of the CRM's {@code customer} table; null (a tombstone) stays null. */
  static LegacyCustomer customer(String legacyId, GenericRecord row) {
    if (row == null) {
      return null;
    }
    return LegacyCustomer.newBuilder()
        .setLegacyId(legacyId)
        .setFirstName(text(row, "first_name"))
        .setLastName(text(row, "last_name"))
        .setEmail(text(row, "email"))
        .setPhone(text(row, "phone"))
        .setStatus(text(row, "status"))
        .setDeleted("true".equals(text(row, DELETED)))
        .setAddress(null)
        .build();
  }

  /** A row of the CRM's {@code address} table, or null for a deleted row or a tombstone. */
  static LegacyAddress address(GenericRecord row) {
    if (row == null || "true".equals(text(row, DELETED))) {
      return null;
    }
    return new LegacyAddress(text(row, "street"), text(row, "postal_code"), text(row, "city"),
        text(row, "country"));
  }

  private static String text(GenericRecord row, String column) {
    if (!row.hasField(column)) {
      return null;
    }
    Object value = row.get(column);
    return value == null ? null : value.toString();
  }
}
