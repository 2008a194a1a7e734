package fi.osaava.platform.internal;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.Directories;
import fi.osaava.platform.StartupWork;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports, at start-up, every dataset that an installed module knows and that is not yet in the
 * database. Modules plug in by providing {@link DatasetImporter} beans; a restart finds them
 * imported and does nothing.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "osaava.bootstrap", havingValue = "true", matchIfMissing = true)
class FirstStartBootstrap implements ApplicationRunner, StartupWork {

  private static final Logger log = LoggerFactory.getLogger("osaava.bootstrap");

  private final List<DatasetImporter> importers;
  private final Directories directories;

  /** The import now running, for the readiness probe and the pages' banner; null when none. */
  private volatile @Nullable Pending current;

  FirstStartBootstrap(List<DatasetImporter> importers, Directories directories) {
    this.importers = importers;
    this.directories = directories;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<DatasetImporter> ordered =
        importers.stream().sorted(Comparator.comparingInt(DatasetImporter::order)).toList();
    try {
      int step = 0;
      for (DatasetImporter importer : ordered) {
        current = new Pending("importing", importer.name(), step++, ordered.size());
        runOne(importer);
      }
    } finally {
      current = null;
    }
  }

  @Override
  public List<Pending> pending() {
    Pending now = current;
    return now == null ? List.of() : List.of(now);
  }

  private void runOne(DatasetImporter importer) {
    String name = importer.name();
    if (importer.isImported()) {
      log.info("[{}] already imported", name);
      return;
    }
    Path data = directories.referenceData().orElse(null);
    if (data == null || !importer.hasInput(data)) {
      log.warn(
          "[{}] not imported: no input found in {}; run './osaava import {}' with its files",
          name,
          data == null ? "(no data directory)" : data,
          name);
      return;
    }
    long started = System.nanoTime();
    log.info("[{}] importing from {}", name, data);
    importer.importFrom(data, message -> log.info("[{}] {}", name, message));
    log.info("[{}] done in {} s", name, String.format("%.1f", (System.nanoTime() - started) / 1e9));
  }
}
