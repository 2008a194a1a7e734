package fi.osaava.recommendations.internal;

import fi.osaava.platform.Directories;
import fi.osaava.platform.SecretKeyFile;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tokens of hand-over links: {@code <id>.<expiry in epoch seconds>.<HMAC-SHA256 of both>}, so a
 * link cannot be made up, pointed at another hand-over or given a later expiry without the key. The
 * key is {@code osaava.recommendations.handover-key} (base64, at least 32 bytes), or else generated
 * once into {@code <home>/secrets/handover-hmac.key}, readable by the owner only. Losing it only
 * breaks the links given out so far; revocation and expiry are checked in the database as well.
 */
@Component
class HandoverLinks {

  static final String FILE = "handover-hmac.key";

  private static final Pattern TOKEN =
      Pattern.compile(
          "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

  /** What a well-signed token says. */
  record Signed(UUID id, Instant expires) {}

  private final SecretKeySpec key;

  HandoverLinks(
      @Value("${osaava.recommendations.handover-key:}") String configured,
      Directories directories) {
    this.key =
        new SecretKeySpec(
            SecretKeyFile.key(
                configured,
                directories.home().resolve("secrets").resolve(FILE),
                "osaava.recommendations.handover-key"),
            "HmacSHA256");
  }

  String token(UUID id, Instant expires) {
    String payload = id + "." + expires.getEpochSecond();
    return payload + "." + sign(payload);
  }

  /** The id and expiry of a token signed with this key; empty for anything else. */
  Optional<Signed> verify(String token) {
    java.util.regex.Matcher m = TOKEN.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    String payload = m.group(1) + "." + m.group(2);
    boolean valid =
        MessageDigest.isEqual(
            sign(payload).getBytes(StandardCharsets.US_ASCII),
            m.group(3).getBytes(StandardCharsets.US_ASCII));
    return valid
        ? Optional.of(
            new Signed(
                UUID.fromString(m.group(1)), Instant.ofEpochSecond(Long.parseLong(m.group(2)))))
        : Optional.empty();
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              mac.doFinal(("osaava-handover:" + payload).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
