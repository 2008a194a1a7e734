package fi.osaava.education;

import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national education files imported once into each test context's database (the shared context
 * and the OpenSearch one each have their own).
 */
public final class EducationTestData {

  private static final Map<EducationCatalogue, List<EducationImportReport>> firstReports =
      new IdentityHashMap<>();

  private EducationTestData() {}

  /**
   * Imports {@code ../shared/data/education} unless this JVM did already through this context's
   * catalogue; returns the reports of that first import.
   */
  public static synchronized List<EducationImportReport> ensureImported(
      EducationCatalogue catalogue) {
    return firstReports.computeIfAbsent(
        catalogue,
        c ->
            c.importFiles(
                List.of(ReferenceData.directory().resolve("education")), ImportProgress.silent()));
  }
}
