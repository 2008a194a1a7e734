package fi.osaava.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit computed with the
 * weights 7, 9, 10, 5, 8, 4, 2 modulo 11 (a remainder of 1 is never issued). Shared by the
 * importers that take organisations (services, regional actors).
 */
public final class BusinessId {

  private static final Pattern FORM = Pattern.compile("\\d{7}-\\d");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2};

  private BusinessId() {}

  /** Whether {@code value} is a business ID with a correct check digit. */
  public static boolean isValid(String value) {
    if (!FORM.matcher(value).matches()) {
      return false;
    }
    int remainder = sum(value) % 11;
    if (remainder == 1) {
      return false;
    }
    return value.charAt(8) - '0' == (remainder == 0 ? 0 : 11 - remainder);
  }

  /**
   * The business ID whose first seven digits are {@code number} (0–9,999,999), with its check
   * digit; empty where the number has none (remainder 1), as such numbers are never issued.
   */
  public static Optional<String> of(int number) {
    String digits = String.format(Locale.ROOT, "%07d", number);
    int remainder = sum(digits) % 11;
    if (remainder == 1) {
      return Optional.empty();
    }
    return Optional.of(digits + "-" + (remainder == 0 ? 0 : 11 - remainder));
  }

  private static int sum(String digits) {
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return sum;
  }
}
