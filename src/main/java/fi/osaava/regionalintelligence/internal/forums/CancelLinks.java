package fi.osaava.regionalintelligence.internal.forums;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The links that cancel a guest's registration without signing in: 256 random bits, URL-safe. Only
 * their SHA-256 is stored, so the table alone opens no registration; the token itself is only in
 * the guest's confirmation mail.
 */
public final class CancelLinks {

  /** The page a link opens, followed by the token. */
  public static final String PATH = "/regional-forums/registrations/";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** 32 bytes in URL-safe base64 without padding: exactly 43 characters of this alphabet. */
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

  private CancelLinks() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text could be a token at all (anything else finds nothing, unhashed). */
  public static boolean wellFormed(String token) {
    return FORM.matcher(token).matches();
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
