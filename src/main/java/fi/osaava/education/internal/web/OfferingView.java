package fi.osaava.education.internal.web;

import fi.osaava.education.internal.search.ImplementationRow;
import fi.osaava.education.internal.search.OfferingDocument;
import fi.osaava.education.internal.search.OutcomeRow;
import fi.osaava.education.internal.search.SkillRow;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.WebAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One offering in the reader's language, for the offering page and the API: every text picked with
 * {@link LocalizedText#pick}, so a fallback to another language is flagged.
 */
record OfferingView(
    String id,
    String source,
    String sourceId,
    @Nullable String sourceUrl,
    String kind,
    String level,
    @Nullable LocalizedText title,
    @Nullable LocalizedText description,
    List<String> alternativeNames,
    @Nullable String field,
    @Nullable Short eqf,
    @Nullable Short nqf,
    @Nullable String nationalLevel,
    @Nullable BigDecimal extent,
    @Nullable String extentUnit,
    @Nullable Integer durationMonths,
    boolean active,
    boolean synthetic,
    List<LocalizedText> learningOutcomes,
    List<Implementation> implementations,
    List<Skill> skills,
    List<Unit> units,
    @Nullable String parentId) {

  record Implementation(
      @Nullable LocalizedText name,
      @Nullable LocalizedText provider,
      List<String> municipalityCodes,
      @Nullable String placeNames,
      List<String> teachingLanguages,
      String mode,
      @Nullable String schedule,
      @Nullable BigDecimal cost,
      @Nullable LocalDate startDate,
      @Nullable LocalDate endDate,
      @Nullable Instant applicationStart,
      @Nullable Instant applicationEnd,
      boolean applicationOpen,
      @Nullable String url) {}

  /**
   * @param source IDENTIFIED, PROVIDER_CURATED or QUALIFICATION_DEFINED
   * @param evidence the text that supports it (identified), or the units that define it, as plain
   *     text (the API's field since its first version)
   * @param evidenceText the same with its language: the reader's where the offering has the text in
   *     it, else the language it was found in (flagged as a fallback); provider-curated evidence of
   *     unknown language is not flagged
   */
  record Skill(
      String uri,
      LocalizedText label,
      String source,
      double score,
      @Nullable String evidence,
      @Nullable LocalizedText evidenceText) {

    Skill(
        String uri,
        LocalizedText label,
        String source,
        double score,
        @Nullable LocalizedText evidence) {
      this(uri, label, source, score, evidence == null ? null : evidence.text(), evidence);
    }
  }

  record Unit(String id, @Nullable LocalizedText title, @Nullable BigDecimal extent) {}

  static OfferingView of(
      OfferingDocument d, List<OfferingDocument> units, Language language, Instant now) {
    List<LocalizedText> outcomes = new ArrayList<>();
    for (OutcomeRow outcome : d.outcomes()) {
      LocalizedText text =
          LocalizedText.pickNational(
              texts(outcome.textFi(), outcome.textSv(), outcome.textEn()), language);
      if (text != null) {
        outcomes.add(text);
      }
    }
    List<Implementation> implementations = new ArrayList<>();
    for (ImplementationRow i : d.implementations()) {
      implementations.add(
          new Implementation(
              LocalizedText.pickNational(texts(i.nameFi(), i.nameSv(), i.nameEn()), language),
              LocalizedText.pickNational(
                  texts(i.providerFi(), i.providerSv(), i.providerEn()), language),
              i.municipalityCodes(),
              i.placeNames(),
              i.teachingLanguages(),
              i.mode(),
              i.schedule(),
              i.cost(),
              i.startDate(),
              i.endDate(),
              i.applicationStart(),
              i.applicationEnd(),
              i.applicationOpen(now),
              WebAddress.linkOrNull(i.url())));
    }
    List<Skill> skills = new ArrayList<>();
    d.skills().stream()
        .sorted(Comparator.comparingDouble(SkillRow::score).reversed())
        .forEach(
            s -> {
              LocalizedText label =
                  LocalizedText.pick(texts(s.labelFi(), s.labelSv(), s.labelEn()), language);
              skills.add(
                  new Skill(
                      s.skillUri(),
                      // A bare URI is in no language: not marked as one.
                      label == null ? new LocalizedText(s.skillUri(), language, false) : label,
                      s.source(),
                      s.score(),
                      evidence(s, language)));
            });
    List<Unit> unitViews =
        units.stream()
            .map(u -> new Unit(u.id().toString(), title(u, language), u.extentCredits()))
            .toList();
    return new OfferingView(
        d.id().toString(),
        d.source(),
        d.sourceId(),
        // Rows stored before the http(s) rule may hold other schemes; they are never links.
        WebAddress.linkOrNull(d.sourceUrl()),
        d.kind(),
        d.level(),
        title(d, language),
        pick(d, OfferingDocument::description, language),
        d.alternativeNames(),
        d.fieldCode(),
        d.eqf(),
        d.nqf(),
        d.nationalLevelCode(),
        d.extentCredits(),
        d.extentUnit(),
        d.durationMonths(),
        d.active(),
        d.synthetic(),
        outcomes,
        implementations,
        skills,
        unitViews,
        d.parentId() == null ? null : d.parentId().toString());
  }

  static @Nullable LocalizedText title(OfferingDocument d, Language language) {
    return pick(d, OfferingDocument::title, language);
  }

  private static @Nullable LocalizedText pick(
      OfferingDocument d,
      java.util.function.BiFunction<OfferingDocument, String, @Nullable String> text,
      Language language) {
    return LocalizedText.pickNational(
        texts(text.apply(d, "fi"), text.apply(d, "sv"), text.apply(d, "en")),
        language == Language.NO ? Language.EN : language);
  }

  private static @Nullable LocalizedText evidence(SkillRow s, Language language) {
    LocalizedText picked =
        LocalizedText.pickNational(texts(s.evidenceFi(), s.evidenceSv(), s.evidenceEn()), language);
    if (picked != null || s.evidence() == null) {
      return picked;
    }
    // Provider-curated evidence comes without a language; shown as it is, in no marked language.
    return new LocalizedText(s.evidence(), language, false);
  }

  static Map<Language, String> texts(
      @Nullable String fi, @Nullable String sv, @Nullable String en) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    if (fi != null) {
      texts.put(Language.FI, fi);
    }
    if (sv != null) {
      texts.put(Language.SV, sv);
    }
    if (en != null) {
      texts.put(Language.EN, en);
    }
    return texts;
  }

  /** Whether any skill is shown, so the page knows to show ESCO's attribution. */
  boolean showsEsco() {
    return !skills.isEmpty();
  }
}
