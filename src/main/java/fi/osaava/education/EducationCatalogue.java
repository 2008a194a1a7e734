package fi.osaava.education;

import fi.osaava.platform.ImportProgress;
import java.nio.file.Path;
import java.util.List;

/** Imports into the education catalogue, for the command line and the first-start bootstrap. */
public interface EducationCatalogue {

  /**
   * Imports national education files: {@code konfo-*.jsonl}, ePerusteet qualification exports and
   * {@code osaamismerkit.json}, or folders holding them. The files are snapshots: each source is
   * upserted by its record ids and its records no longer in the file are deactivated. All files
   * import in one transaction, or none does: a malformed record anywhere, or a snapshot that would
   * deactivate more than {@link fi.osaava.platform.SnapshotShrinkGuard} accepts, refuses the run.
   *
   * @param allowShrink accept a snapshot however much smaller it is than what it replaces
   * @throws fi.osaava.platform.InvalidInputException naming the file and line of the first
   *     malformed record, or the counts of a refused shrink; nothing is changed then
   */
  List<EducationImportReport> importFiles(
      List<Path> paths, boolean allowShrink, ImportProgress progress);

  /** {@link #importFiles(List, boolean, ImportProgress)} refusing implausible shrinks. */
  default List<EducationImportReport> importFiles(List<Path> paths, ImportProgress progress) {
    return importFiles(paths, false, progress);
  }

  /**
   * Imports a schema.org JSON-LD document ({@code Course}, {@code EducationalOccupationalProgram}
   * with {@code CourseInstance}s) from a private provider or MOOC platform. Records are upserted,
   * all or nothing; nothing is deactivated.
   *
   * @throws fi.osaava.platform.InvalidInputException naming the line and field of the first
   *     malformed record; nothing is stored then
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
