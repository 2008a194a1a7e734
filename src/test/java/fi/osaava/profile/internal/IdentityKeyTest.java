package fi.osaava.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityKeyTest {

  @TempDir Path home;

  @Test
  void generatesAnOwnerOnlyKeyOnceAndKeepsIt() throws Exception {
    Path secrets = home.resolve("secrets");
    byte[] first = IdentityKey.readOrCreate(secrets);
    Path file = secrets.resolve(IdentityKey.FILE);
    assertThat(first).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(IdentityKey.readOrCreate(secrets)).isEqualTo(first);
    assertThat(IdentityKey.readOrCreate(home.resolve("other"))).isNotEqualTo(first);
  }
}
