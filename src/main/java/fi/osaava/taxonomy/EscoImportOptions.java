package fi.osaava.taxonomy;

import fi.osaava.platform.Language;

/**
 * Options of an ESCO import.
 *
 * @param version the ESCO version, such as {@code 1.1.1}; null to read it from the input paths
 * @param referenceLanguage the language whose classification files define which concepts exist;
 *     rows of other languages naming concepts it lacks are skipped and reported
 */
public record EscoImportOptions(String version, Language referenceLanguage) {

  public static EscoImportOptions defaults() {
    return new EscoImportOptions(null, Language.EN);
  }
}
