package fi.osaava.taxonomy.internal.search;

import fi.osaava.platform.Directories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which ESCO import the label index was built from. A marker records the import id and the index
 * format; the index is stale when it is empty, when a newer import exists, or when this version of
 * the code analyses labels differently ({@link #FORMAT}). A Lucene folder keeps its marker in a
 * file beside it; an in-memory index (tests) has no file: it starts empty, which alone says it
 * needs building. An index in OpenSearch is shared by every node, so its marker is a row in
 * PostgreSQL ({@code taxonomy_label_index_state}), and a rebuild holds a PostgreSQL advisory lock:
 * nodes that start together build it once, the others find it current when they get the lock.
 */
@Component
class LabelIndexState {

  /** Bump when the analysers or the document mapping change, so that deployed indexes rebuild. */
  static final int FORMAT = 1;

  private static final String DIRECTORY_TYPE =
      "spring.jpa.properties.hibernate.search.backend.directory.type";
  private static final String DIRECTORY_ROOT =
      "spring.jpa.properties.hibernate.search.backend.directory.root";

  /** The rebuild's advisory lock: "osaava-label-index" folded into a bigint, fixed forever. */
  static final long SHARED_BUILD_LOCK = 0x6f73_6c61_6265_6c78L;

  private static final Logger log = LoggerFactory.getLogger(LabelIndexState.class);

  record Marker(int format, long importId) {}

  private final JdbcClient jdbc;

  /**
   * A transaction of its own for the shared build lock, also when called after an import's commit
   * (where a joined transaction would never commit again).
   */
  private final TransactionTemplate transactions;

  /** The index is in OpenSearch: the marker is the database row, the build cluster-wide. */
  private final boolean shared;

  /**
   * Null when the index lives on the heap or in OpenSearch: the marker lives in {@link #inMemory}
   * or in the database.
   */
  private final @Nullable Path markerFile;

  private volatile @Nullable Marker inMemory;

  LabelIndexState(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Environment environment,
      Directories directories) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.shared =
        "opensearch"
            .equalsIgnoreCase(
                environment.getProperty(TaxonomySearchProperties.PREFIX + ".backend"));
    if (shared || "local-heap".equals(environment.getProperty(DIRECTORY_TYPE))) {
      this.markerFile = null;
    } else {
      String root = environment.getProperty(DIRECTORY_ROOT);
      Path dir = root == null ? directories.home().resolve("index") : Path.of(root);
      this.markerFile = dir.resolve(LabelDocument.INDEX + ".marker");
    }
  }

  /** Whether the index is in OpenSearch, shared by every node. */
  boolean shared() {
    return shared;
  }

  /** Runs {@code build} (the mass indexing), one build at a time, then records the marker. */
  synchronized void rebuild(Runnable build) {
    rebuildIf(() -> true, build);
  }

  /**
   * As {@link #rebuild}, if {@code needed} still holds once this thread has the build lock (and,
   * for a shared index, the cluster-wide one, waiting for another node's rebuild to end).
   */
  synchronized void rebuildIf(BooleanSupplier needed, Runnable build) {
    if (!shared) {
      buildIf(needed, build);
      return;
    }
    transactions.executeWithoutResult(
        transaction -> {
          jdbc.sql("select pg_advisory_xact_lock(?)")
              .param(SHARED_BUILD_LOCK)
              .query((rs, row) -> 1)
              .list();
          buildIf(needed, build);
        });
  }

  private void buildIf(BooleanSupplier needed, Runnable build) {
    if (needed.getAsBoolean()) {
      long latest = latestImportId();
      build.run();
      write(new Marker(FORMAT, latest));
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
    if (shared) {
      return jdbc.sql(
              "select format, import_id from taxonomy_label_index_state where index_name = ?")
          .param(LabelDocument.INDEX)
          .query((rs, row) -> new Marker(rs.getInt(1), rs.getLong(2)))
          .optional()
          .orElse(null);
    }
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
    if (shared) {
      jdbc.sql(
              """
              insert into taxonomy_label_index_state (index_name, format, import_id, built_at)
              values (?, ?, ?, now())
              on conflict (index_name) do update
              set format = excluded.format, import_id = excluded.import_id,
                  built_at = excluded.built_at""")
          .params(LabelDocument.INDEX, marker.format(), marker.importId())
          .update();
      return;
    }
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
