package fi.osaava.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The password of the embedded PostgreSQL's superuser. A durable cluster's password is generated
 * once into {@code <home>/secrets/postgres.password}, beside the identity key and in the same way:
 * created owner-only ({@code rw-------}) from the start, never briefly readable by others. The
 * service and every CLI command that attaches to a running service's database read it from there; a
 * throw-away (ephemeral) cluster gets one that lives only in memory.
 */
final class EmbeddedDatabasePassword {

  static final String FILE = "postgres.password";

  private static final int RANDOM_BYTES = 32;

  private EmbeddedDatabasePassword() {}

  static Path file(Path home) {
    return home.resolve("secrets").resolve(FILE);
  }

  /** A fresh random password: 256 bits, URL-safe base64, so it needs no quoting anywhere. */
  static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The home's password, generated on first use. */
  static String readOrCreate(Path home) {
    Path file = file(home);
    try {
      if (!Files.exists(file)) {
        // file(home) is <home>/secrets/<file>: it has a parent.
        Path secrets = Objects.requireNonNull(file.getParent(), "secrets");
        if (!Files.isDirectory(secrets)) {
          Files.createDirectories(
              secrets,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, generate() + "\n");
        } catch (FileAlreadyExistsException raced) {
          // Another process created it first: use theirs.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the embedded database password " + file, e);
    }
    return read(home);
  }

  /** The home's password; a missing or empty file is an error that names it. */
  static String read(Path home) {
    Path file = file(home);
    try {
      String password = Files.readString(file).strip();
      if (password.isEmpty()) {
        throw new IllegalStateException(
            "The embedded database password file " + file + " is empty; restore it from a backup");
      }
      return password;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the embedded database password "
              + file
              + " ("
              + e.getMessage()
              + "); it is created by the first start of the service on this home",
          e);
    }
  }
}
