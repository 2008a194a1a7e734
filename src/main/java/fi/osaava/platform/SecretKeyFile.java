package fi.osaava.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A module's HMAC key: configured (base64, at least 32 bytes), or else generated once into a file
 * under {@code <home>/secrets}, readable by the owner only, so that the key lives outside the
 * database and survives restarts. Used for the profile's identity key and the hand-over links.
 */
public final class SecretKeyFile {

  /** The fewest bytes a key may have: HMAC-SHA256's block of output. */
  public static final int MIN_BYTES = 32;

  private SecretKeyFile() {}

  /**
   * The configured key, or the one in {@code file}, created when missing.
   *
   * @param configured the property's value, blank when not set
   * @param property the property's name, for the error message
   */
  public static byte[] key(String configured, Path file, String property) {
    return configured.isBlank() ? readOrCreate(file, property) : decode(configured, property);
  }

  /** The key in {@code file}, generated when there is none yet. */
  public static byte[] readOrCreate(Path file, String property) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] fresh = new byte[MIN_BYTES];
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
      return decode(Files.readString(file), property + " (" + file + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key " + file, e);
    }
  }

  private static byte[] decode(String configured, String property) {
    byte[] bytes = Base64.getDecoder().decode(configured.strip());
    if (bytes.length < MIN_BYTES) {
      throw new IllegalStateException(
          property + " must be at least " + MIN_BYTES + " bytes (base64); it has " + bytes.length);
    }
    return bytes;
  }
}
