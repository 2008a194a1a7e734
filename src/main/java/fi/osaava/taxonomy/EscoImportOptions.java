package fi.osaava.taxonomy;

import fi.osaava.platform.Language;
import org.jspecify.annotations.Nullable;

/**
 * Options of an ESCO import.
 *
 * @param version the ESCO version, such as {@code 1.1.1}; null to read it from the input paths
 * @param referenceLanguage the language whose classification files define which concepts exist;
 *     rows of other languages naming concepts it lacks are skipped and reported
 * @param allowShrink mark obsolete whatever the new classification files lack, even more than
 *     {@link fi.osaava.platform.SnapshotShrinkGuard} accepts (the classification really shrank)
 */
public record EscoImportOptions(
    @Nullable String version, Language referenceLanguage, boolean allowShrink) {

  /** Options that refuse an implausible shrink. */
  public EscoImportOptions(@Nullable String version, Language referenceLanguage) {
    this(version, referenceLanguage, false);
  }

  public static EscoImportOptions defaults() {
    return new EscoImportOptions(null, Language.EN);
  }
}
