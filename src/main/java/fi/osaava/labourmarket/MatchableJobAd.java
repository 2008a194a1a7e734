package fi.osaava.labourmarket;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What matching needs to know about one open job ad (near-duplicates already folded into one).
 *
 * @param occupation the ESCO occupation assigned at ingestion, or null when none was found
 * @param skills the ESCO skills identified in the ad
 * @param municipalityCode the Statistics Finland municipality code, or null when not located
 * @param regionCode the region (maakunta) code of the municipality, or of the region when the ad
 *     names only a region; null when not located
 * @param remote whether the ad allows remote work
 * @param validThrough the application deadline, or null when not given
 * @param synthetic true for generated ads, which every page labels
 */
public record MatchableJobAd(
    JobAdId id,
    String title,
    Language language,
    @Nullable ConceptUri occupation,
    Set<ConceptUri> skills,
    @Nullable String municipalityCode,
    @Nullable String regionCode,
    boolean remote,
    LocalDate datePosted,
    @Nullable LocalDate validThrough,
    boolean synthetic) {

  public MatchableJobAd {
    skills = Set.copyOf(skills);
  }
}
