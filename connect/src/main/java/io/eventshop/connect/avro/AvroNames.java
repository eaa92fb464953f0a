package io.eventshop.connect.avro;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Legal Avro names from Connect names, which may be anything: a topic prefix with a dash, a
 * quoted column name with a space. Avro names are {@code [A-Za-z_][A-Za-z0-9_]*}, dot-separated
 * in a full name; every other character becomes {@code _}. The Connect name itself is kept in a
 * property, so the mapping back restores it.
 */
final class AvroNames {

  private AvroNames() {
  }

  /** {@code crm-db.public.customer.Value} → {@code crm_db.public.customer.Value}. */
  static String fullName(String connectName) {
    return Arrays.stream(connectName.split("\\.", -1)).map(AvroNames::name)
        .collect(Collectors.joining("."));
  }

  /** {@code order-date} → {@code order_date}; {@code 2fa} → {@code _2fa}. */
  static String name(String connectName) {
    StringBuilder legal = new StringBuilder(connectName.length() + 1);
    if (connectName.isEmpty() || !isLetterOrUnderscore(connectName.charAt(0))) {
      legal.append('_');
    }
    for (char c : connectName.toCharArray()) {
      legal.append(isLetterOrUnderscore(c) || (c >= '0' && c <= '9') ? c : '_');
    }
    return legal.toString();
  }

  private static boolean isLetterOrUnderscore(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
}
