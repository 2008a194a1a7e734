package fi.osaava.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rule for web addresses that come from outside (pushed or imported offerings, and whatever
 * record later carries a link): only absolute {@code http} and {@code https} addresses with a host
 * are accepted, because anything else ({@code javascript:}, {@code data:}, {@code file:}) must
 * never become a link on our pages. Importers refuse other addresses, naming the field; views check
 * again before rendering a link, for rows stored before the rule.
 */
public final class WebAddress {

  /** What is wrong, for error messages that already name the field. */
  public static final String PROBLEM = "must be an absolute http:// or https:// address";

  private WebAddress() {}

  /** Whether {@code value} is an absolute http(s) address with a host; null is not. */
  public static boolean isHttp(@Nullable String value) {
    if (value == null || value.isEmpty() || value.length() > 2048) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Browsers drop tabs and newlines inside URLs; they must not hide a scheme.
      if (c <= ' ' || c == 0x7f) {
        return false;
      }
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.toLowerCase(Locale.ROOT).equals("http")
              || scheme.toLowerCase(Locale.ROOT).equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** {@code value} when it is an http(s) address, else null: for views that render links. */
  public static @Nullable String linkOrNull(@Nullable String value) {
    return isHttp(value) ? value : null;
  }
}
