package fi.osaava.education;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.taxonomy.ConceptUri;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What matching and learning-path composition need to know about one active offering.
 *
 * @param title in the language asked for, with the fallback flag
 * @param skills the ESCO skills it teaches, from every source (identified, provider-curated,
 *     qualification-defined)
 * @param extentCredits study credits (ECTS, or Finnish competence points, counted one to one), or
 *     null when the source does not say
 * @param durationMonths typical duration, or null when unknown
 * @param cost the fee in euros for the person, zero when free, null when unknown
 * @param online whether it can be taken entirely online
 * @param municipalityCodes Statistics Finland municipality codes where it is taught on site
 * @param teachingLanguages languages it is taught in
 * @param startDates the known start dates of upcoming implementations, earliest first
 * @param synthetic true for generated scale-test records, which the UI labels
 */
public record MatchableOffering(
    OfferingId id,
    LocalizedText title,
    EducationLevel level,
    @Nullable String fieldCode,
    Set<ConceptUri> skills,
    @Nullable BigDecimal extentCredits,
    @Nullable Integer durationMonths,
    @Nullable BigDecimal cost,
    boolean online,
    Set<String> municipalityCodes,
    Set<Language> teachingLanguages,
    List<LocalDate> startDates,
    boolean synthetic) {

  public MatchableOffering {
    skills = Set.copyOf(skills);
    municipalityCodes = Set.copyOf(municipalityCodes);
    teachingLanguages = Set.copyOf(teachingLanguages);
    startDates = List.copyOf(startDates);
  }
}
