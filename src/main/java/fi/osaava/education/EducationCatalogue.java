package fi.osaava.education;

import fi.osaava.platform.ImportProgress;
import java.nio.file.Path;
import java.util.List;

/** Imports into the education catalogue, for the command line and the first-start bootstrap. */
public interface EducationCatalogue {

  /**
   * Imports national education files: {@code konfo-*.jsonl}, ePerusteet qualification exports and
   * {@code osaamismerkit.json}, or folders holding them. Each source is upserted by its record ids
   * and its records no longer in the file are deactivated. Malformed records are skipped and
   * reported; the rest import in one transaction.
   */
  List<EducationImportReport> importFiles(List<Path> paths, ImportProgress progress);

  /**
   * Imports a schema.org JSON-LD document ({@code Course}, {@code EducationalOccupationalProgram}
   * with {@code CourseInstance}s) from a private provider or MOOC platform. Records are upserted;
   * nothing is deactivated.
   */
  EducationImportReport importJsonLd(Path file, ImportProgress progress);

  /**
   * Generates {@code count} synthetic offerings for seed {@code seed} by recombining the real
   * records (see {@code docs/education-search.md}), each marked synthetic, and indexes them. The
   * same seed upserts the same records again.
   *
   * @return how many offerings were written (new or changed)
   */
  int generateSynthetic(int count, long seed, ImportProgress progress);
}
