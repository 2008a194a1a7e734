package fi.osaava.education.internal.web;

import fi.osaava.education.EducationImportReport;

/** Takes a pushed JSON-LD document into the catalogue; implemented by the catalogue service. */
public interface EducationPush {

  EducationImportReport publish(byte[] document);
}
