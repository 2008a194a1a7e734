package fi.osaava.servicenetwork;

import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import java.nio.file.Path;

/** The national catalogue's general descriptions, imported once per test database. */
final class ServicesTestData {

  private ServicesTestData() {}

  static Path generalDescriptions() {
    return ReferenceData.directory().resolve("services/ptv-general-descriptions-2022.json");
  }

  /** Imports the real file; a later call finds every description unchanged and changes nothing. */
  static ServiceImportReport ensureImported(ServiceDirectory directory) {
    return directory.importGeneralDescriptions(
        generalDescriptions(), false, ImportProgress.silent());
  }
}
