package fi.osaava.profile.internal;

import fi.osaava.platform.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
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
    byte[] bytes =
        configured.isBlank()
            ? readOrCreate(directories.home().resolve("secrets"))
            : decode(configured);
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
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

  private static byte[] decode(String configured) {
    byte[] bytes = Base64.getDecoder().decode(configured.strip());
    if (bytes.length < 32) {
      throw new IllegalStateException(
          "osaava.profile.identity-key must be at least 32 bytes (base64); it has " + bytes.length);
    }
    return bytes;
  }

  static byte[] readOrCreate(Path directory) {
    Path file = directory.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(directory);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
          // Created with owner-only permissions from the start, never briefly world-readable.
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
        } catch (FileAlreadyExistsException raced) {
          // Another process created it first: use theirs.
        }
      }
      return decode(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the identity key " + file, e);
    }
  }
}
