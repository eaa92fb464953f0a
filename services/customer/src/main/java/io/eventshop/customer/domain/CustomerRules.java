package io.eventshop.customer.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a valid customer looks like. Every rule names the field it concerns, so that the REST
 * adapter can answer a problem naming the field.
 */
public final class CustomerRules {

  /** Money is {@code decimal(12,2)} in the contracts: at most ten digits before the point. */
  public static final BigDecimal MAX_CREDIT_LIMIT = new BigDecimal("9999999999.99");
  static final int MAX_TEXT = 200;
  static final int MAX_EMAIL = 254;
  static final int MAX_ZIP = 20;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private CustomerRules() {
  }

  /** The credit limit at the scale of the contracts (two decimals). */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  static List<Violation> profile(String name, String email, BigDecimal creditLimit) {
    List<Violation> violations = new ArrayList<>();
    text("name", name, MAX_TEXT, violations);
    email(email, violations);
    creditLimit(creditLimit, violations);
    return violations;
  }

  /** Rules of an address whose fields are named {@code prefix.field} (bare when prefix is empty). */
  static List<Violation> address(String prefix, Address address) {
    List<Violation> violations = new ArrayList<>();
    if (address == null) {
      violations.add(new Violation(prefix.isEmpty() ? "address" : prefix, "must be given"));
      return violations;
    }
    String path = prefix.isEmpty() ? "" : prefix + ".";
    text(path + "street", address.street(), MAX_TEXT, violations);
    text(path + "zip", address.zip(), MAX_ZIP, violations);
    text(path + "city", address.city(), MAX_TEXT, violations);
    String country = address.country();
    if (country == null || country.isBlank()) {
      violations.add(new Violation(path + "country", "must not be blank"));
    } else if (!COUNTRIES.contains(country)) {
      violations.add(new Violation(path + "country",
          "must be an ISO 3166-1 alpha-2 code in upper case, e.g. CH, but was '" + country + "'"));
    }
    return violations;
  }

  private static void text(String field, String value, int maxLength, List<Violation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new Violation(field, "must not be blank"));
    } else if (value.length() > maxLength) {
      violations.add(new Violation(field, "must be at most " + maxLength + " characters"));
    }
  }

  private static void email(String email, List<Violation> violations) {
    if (email == null || email.isBlank()) {
      violations.add(new Violation("email", "must not be blank"));
    } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
      violations.add(new Violation("email", "must be an email address like name@example.com"));
    }
  }

  private static void creditLimit(BigDecimal limit, List<Violation> violations) {
    if (limit == null) {
      violations.add(new Violation("creditLimit", "must be given"));
    } else if (limit.signum() < 0) {
      violations.add(new Violation("creditLimit", "must be zero or more"));
    } else if (limit.stripTrailingZeros().scale() > 2) {
      violations.add(new Violation("creditLimit", "must have at most two decimals (CHF)"));
    } else if (limit.compareTo(MAX_CREDIT_LIMIT) > 0) {
      violations.add(new Violation("creditLimit", "must be at most " + MAX_CREDIT_LIMIT));
    }
  }
}
