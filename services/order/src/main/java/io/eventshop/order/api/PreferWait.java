package io.eventshop.order.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of an RFC 7240 {@code Prefer} header ({@code Prefer: wait=5}): how
 * many seconds the client would rather wait for the outcome than ask for it again. Like any
 * preference it is a wish, not a requirement: one the server cannot read is ignored (RFC 7240
 * §2), so a malformed value means "no wait", never an error.
 */
final class PreferWait {

  static final String PREFER = "Prefer";
  static final String PREFERENCE_APPLIED = "Preference-Applied";

  private PreferWait() {
  }

  /**
   * The wait asked for by {@code header} (several preferences separated by commas, each maybe with
   * parameters after {@code ;}), or empty when it asks none or none that can be read.
   */
  static Optional<Duration> of(String header) {
    if (header == null) {
      return Optional.empty();
    }
    for (String preference : header.split(",")) {
      String[] nameAndValue = preference.split(";", 2)[0].split("=", 2);
      if (nameAndValue.length == 2
          && nameAndValue[0].trim().toLowerCase(Locale.ROOT).equals("wait")) {
        return seconds(unquoted(nameAndValue[1].trim()));
      }
    }
    return Optional.empty();
  }

  /** The header value that says a wait of {@code wait} was applied. */
  static String applied(Duration wait) {
    return "wait=" + wait.toSeconds();
  }

  private static Optional<Duration> seconds(String value) {
    // delta-seconds: 1*DIGIT; more than 6 digits is more than any cap and would overflow nothing
    if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(value);
    return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
  }
}
