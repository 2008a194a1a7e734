package fi.osaava.education.internal.web;

import fi.osaava.education.EducationImportReport;
import java.util.UUID;

/**
 * The providers' own writes to the catalogue, from the push API and from the editor pages alike;
 * implemented by the catalogue service.
 */
public interface EducationPush {

  /** Takes a pushed JSON-LD document into the catalogue, all or nothing. */
  EducationImportReport publish(byte[] document);

  /**
   * Takes an offering out of search and matching (it stays in the database; publishing it again
   * brings it back).
   *
   * @return whether it was active before
   */
  boolean withdraw(UUID offering);
}
