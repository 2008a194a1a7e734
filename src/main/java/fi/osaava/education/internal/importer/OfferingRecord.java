package fi.osaava.education.internal.importer;

import fi.osaava.education.EducationLevel;
import fi.osaava.platform.Language;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One offering as an importer read it from its source, before it is written to the catalogue.
 * Language maps are {@link EnumMap}s so that {@link #contentHash()} is the same in every run.
 *
 * @param parentSourceId the source id of the qualification a unit belongs to, in the same source
 * @param alternativeNames other names people search by: degree titles, qualification titles
 * @param outcomes learning outcomes, each in its languages
 * @param curatedSkills ESCO skill URIs the provider named itself
 */
public record OfferingRecord(
    String source,
    String sourceId,
    OfferingKind kind,
    EducationLevel level,
    @Nullable String parentSourceId,
    Map<Language, String> title,
    Map<Language, String> description,
    List<String> alternativeNames,
    @Nullable String fieldCode,
    @Nullable Integer eqf,
    @Nullable Integer nqf,
    @Nullable String nationalLevelCode,
    @Nullable BigDecimal extentCredits,
    @Nullable String extentUnit,
    @Nullable Integer durationMonths,
    @Nullable String sourceUrl,
    boolean synthetic,
    List<Map<Language, String>> outcomes,
    List<ImplementationRecord> implementations,
    List<String> curatedSkills) {

  public OfferingRecord {
    title = languageMap(title);
    description = languageMap(description);
    alternativeNames = List.copyOf(alternativeNames);
    outcomes = outcomes.stream().map(OfferingRecord::languageMap).toList();
    implementations = List.copyOf(implementations);
    curatedSkills = List.copyOf(curatedSkills);
  }

  /** The kind of thing offered; the {@link EducationLevel} says which facet it falls under. */
  public enum OfferingKind {
    PROGRAMME,
    QUALIFICATION,
    QUALIFICATION_UNIT,
    COURSE,
    BADGE
  }

  /**
   * One implementation: where, when, how and in which language it is taught.
   *
   * @param municipalityCodes Statistics Finland codes, three digits
   * @param mode {@code ON_SITE}, {@code ONLINE} or {@code BLENDED}
   */
  public record ImplementationRecord(
      @Nullable String sourceId,
      Map<Language, String> name,
      @Nullable String providerId,
      Map<Language, String> provider,
      @Nullable String institution,
      List<String> municipalityCodes,
      List<String> teachingLanguages,
      String mode,
      @Nullable String schedule,
      @Nullable BigDecimal cost,
      @Nullable LocalDate startDate,
      @Nullable LocalDate endDate,
      @Nullable Instant applicationStart,
      @Nullable Instant applicationEnd,
      @Nullable String url) {

    public ImplementationRecord {
      name = languageMap(name);
      provider = languageMap(provider);
      municipalityCodes = List.copyOf(municipalityCodes);
      teachingLanguages = List.copyOf(teachingLanguages);
    }
  }

  /** The catalogue id: the same for the same source record in every database and every run. */
  public UUID id() {
    return idOf(source, sourceId);
  }

  public static UUID idOf(String source, String sourceId) {
    return UUID.nameUUIDFromBytes((source + "\u0000" + sourceId).getBytes(StandardCharsets.UTF_8));
  }

  /** Changes whenever anything the catalogue stores of this record changes. */
  public String contentHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<Language, String> languageMap(Map<Language, @Nullable String> texts) {
    EnumMap<Language, String> copy = new EnumMap<>(Language.class);
    texts.forEach(
        (language, text) -> {
          if (text != null && !text.isBlank()) {
            copy.put(language, text.strip());
          }
        });
    return copy;
  }
}
