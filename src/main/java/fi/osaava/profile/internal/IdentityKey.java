package fi.osaava.profile.internal;

import fi.osaava.platform.Directories;
import fi.osaava.platform.SecretKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret that turns a provider's identifier (such as a national ID) into the key of the
 * identity table: HMAC-SHA256, so the table alone reveals nobody, and the key lives outside the
 * database. Configured as {@code osaava.profile.identity-key} (base64, at least 32 bytes), or else
 * generated once into {@code <home>/secrets/identity-hmac.key}, readable by the owner only. Losing
 * the key disconnects every person from their sign-in; back it up with the home.
 */
@Component
public class IdentityKey {

  static final String FILE = "identity-hmac.key";

  private final SecretKeySpec key;

  IdentityKey(
      @Value("${osaava.profile.identity-key:}") String configured, Directories directories) {
    this.key =
        new SecretKeySpec(
            SecretKeyFile.key(
                configured,
                directories.home().resolve("secrets").resolve(FILE),
                "osaava.profile.identity-key"),
            "HmacSHA256");
  }

  /** The identity-table key for one provider identifier. */
  public byte[] hmac(String identifier) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static byte[] readOrCreate(Path directory) {
    return SecretKeyFile.readOrCreate(directory.resolve(FILE), "osaava.profile.identity-key");
  }
}
