package fi.osaava.education;

import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import java.util.List;

/** The national education files imported once into the shared test database. */
public final class EducationTestData {

  private static volatile List<EducationImportReport> firstReports;

  private EducationTestData() {}

  /**
   * Imports {@code ../shared/data/education} unless this JVM did already; returns the reports of
   * the first import.
   */
  public static synchronized List<EducationImportReport> ensureImported(
      EducationCatalogue catalogue) {
    if (firstReports == null) {
      firstReports =
          catalogue.importFiles(
              List.of(ReferenceData.directory().resolve("education")), ImportProgress.silent());
    }
    return firstReports;
  }
}
