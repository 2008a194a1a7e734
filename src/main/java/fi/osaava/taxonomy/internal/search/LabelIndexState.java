package fi.osaava.taxonomy.internal.search;

import fi.osaava.platform.Directories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which ESCO import the label index was built from. A marker file next to the index records the
 * import id and the index format; the index is stale when it is empty, when a newer import exists,
 * or when this version of the code analyses labels differently ({@link #FORMAT}). An in-memory
 * index (tests) has no file: it starts empty, which alone says it needs building.
 */
@Component
class LabelIndexState {

  /** Bump when the analysers or the document mapping change, so that deployed indexes rebuild. */
  static final int FORMAT = 1;

  private static final String DIRECTORY_TYPE =
      "spring.jpa.properties.hibernate.search.backend.directory.type";
  private static final String DIRECTORY_ROOT =
      "spring.jpa.properties.hibernate.search.backend.directory.root";

  private static final Logger log = LoggerFactory.getLogger(LabelIndexState.class);

  record Marker(int format, long importId) {}

  private final JdbcClient jdbc;

  /** Null when the index lives on the heap: the marker lives here too, in {@link #inMemory}. */
  private final @Nullable Path markerFile;

  private volatile @Nullable Marker inMemory;

  LabelIndexState(JdbcClient jdbc, Environment environment, Directories directories) {
    this.jdbc = jdbc;
    if ("local-heap".equals(environment.getProperty(DIRECTORY_TYPE))) {
      this.markerFile = null;
    } else {
      String root = environment.getProperty(DIRECTORY_ROOT);
      Path dir = root == null ? directories.home().resolve("index") : Path.of(root);
      this.markerFile = dir.resolve(LabelDocument.INDEX + ".marker");
    }
  }

  /** Runs {@code build} (the mass indexing), one build at a time, then records the marker. */
  synchronized void rebuild(Runnable build) {
    long latest = latestImportId();
    build.run();
    write(new Marker(FORMAT, latest));
  }

  /** As {@link #rebuild}, if {@code needed} still holds once this thread has the build lock. */
  synchronized void rebuildIf(java.util.function.BooleanSupplier needed, Runnable build) {
    if (needed.getAsBoolean()) {
      rebuild(build);
    }
  }

  /**
   * Why the index needs building, or empty when it is current.
   *
   * @param documents documents in the index now
   */
  Optional<String> staleness(long documents) {
    long latest = latestImportId();
    if (latest == 0) {
      return documents > 0
          ? Optional.of("the database has no ESCO import but the index has documents")
          : Optional.empty();
    }
    if (documents == 0) {
      return Optional.of("the index is empty");
    }
    Marker marker = read();
    if (marker == null) {
      return Optional.of("the index has no record of the import it was built from");
    }
    if (marker.format() != FORMAT) {
      return Optional.of(
          "label analysis changed (index format " + marker.format() + " → " + FORMAT + ")");
    }
    if (marker.importId() != latest) {
      return Optional.of(
          "it was built from import " + marker.importId() + ", the latest is " + latest);
    }
    return Optional.empty();
  }

  /** The id of the latest ESCO import, 0 before the first. */
  long latestImportId() {
    Long id =
        jdbc.sql("select coalesce(max(id), 0) from taxonomy_import").query(Long.class).single();
    return id == null ? 0 : id;
  }

  private @Nullable Marker read() {
    if (markerFile == null) {
      return inMemory;
    }
    if (!Files.isRegularFile(markerFile)) {
      return null;
    }
    try (var reader = Files.newBufferedReader(markerFile, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(reader);
      return new Marker(
          Integer.parseInt(properties.getProperty("format", "0")),
          Long.parseLong(properties.getProperty("import", "0")));
    } catch (IOException | NumberFormatException e) {
      log.warn("Unreadable label index marker {}: {}", markerFile, e.getMessage());
      return null;
    }
  }

  private void write(Marker marker) {
    inMemory = marker;
    if (markerFile == null) {
      return;
    }
    try {
      Files.createDirectories(markerFile.getParent());
      Path temporary = markerFile.resolveSibling(markerFile.getFileName() + ".tmp");
      Files.writeString(
          temporary,
          "# Written after the label autocomplete index was rebuilt\nformat="
              + marker.format()
              + "\nimport="
              + marker.importId()
              + "\n",
          StandardCharsets.UTF_8);
      Files.move(
          temporary,
          markerFile,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Could not write {}; the index will rebuild at the next start", markerFile, e);
    }
  }
}
