package fi.osaava.regionalintelligence;

import java.nio.file.Path;

/**
 * The registry of regional actors and development projects, for the command line: an import of the
 * documented CSV or JSON format (all or nothing; a bad record is named by line and field, as {@link
 * fi.osaava.platform.InvalidInputException}) and a generator of labelled synthetic ones.
 */
public interface RegionalProjectsApi {

  /** How many actors and projects a run stored. */
  record ProjectsSaved(int actors, int projects) {}

  /** Imports the file's actors and projects for the organisation that owns them. */
  ProjectsSaved importProjects(Path file, String organisation);

  /**
   * Stores {@code count} synthetic projects and their actors, marked synthetic, for the
   * organisation; the same seed gives the same ones (upserted again).
   */
  ProjectsSaved generateProjects(int count, long seed, String organisation);
}
