package fi.osaava.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Osaava keeps its own state ({@code home}: the embedded database, search indexes, caches)
 * and where it reads published reference data from ({@code referenceData}: ESCO packages, education
 * and labour-market files). The reference data is never copied into the home.
 */
public record Directories(Path home, Optional<Path> referenceData) {

  public Directories {
    home = home.toAbsolutePath().normalize();
    referenceData = referenceData.map(p -> p.toAbsolutePath().normalize());
  }

  /** A folder under the home, created on first use. */
  public Path homeSubdirectory(String name) {
    Path dir = home.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create directory " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }
}
