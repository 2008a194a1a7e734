package fi.osaava.profile.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.profile.ConsentPurpose;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.Proficiency;
import fi.osaava.profile.internal.CompetenceProfile;
import fi.osaava.profile.internal.Consents;
import fi.osaava.profile.internal.Experience;
import fi.osaava.profile.internal.ExperienceKind;
import fi.osaava.profile.internal.Interests;
import fi.osaava.profile.internal.LearnerRecords;
import fi.osaava.profile.internal.SkillEntry;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the profile page ({@code profile/overview}) shows, read in one read-only transaction.
 * Shared by the page and its benchmark, so the benchmark measures the page's own work.
 */
@Component
class ProfileOverview {

  private final CompetenceProfile competence;
  private final Interests interests;
  private final LearnerRecords records;
  private final Consents consents;
  private final TaxonomyApi taxonomy;

  ProfileOverview(
      CompetenceProfile competence,
      Interests interests,
      LearnerRecords records,
      Consents consents,
      TaxonomyApi taxonomy) {
    this.competence = competence;
    this.interests = interests;
    this.records = records;
    this.consents = consents;
    this.taxonomy = taxonomy;
  }

  @Transactional(readOnly = true)
  Map<String, Object> model(PersonId person, Language language) {
    Map<String, Object> model = new LinkedHashMap<>();
    List<SkillEntry> skills = competence.skills(person);
    List<Experience> experiences = competence.experiences(person);
    List<LearnerRecords.Credential> credentials = records.credentials(person);
    model.put("person", person);
    model.put("experiences", experiences);
    model.put("skills", skills);
    Map<String, LocalizedText> localized = labels(skills, language);
    Map<String, String> labels = new HashMap<>();
    localized.forEach((uri, label) -> labels.put(uri, label.text()));
    model.put("labels", labels);
    model.put("skillRows", rows(skills, experiences, credentials, localized));
    model.put("pending", competence.pendingSuggestions(person).size());
    model.put("languages", interests.languages(person));
    model.put("languageLevels", Interests.LANGUAGE_LEVELS);
    model.put("credentials", credentials);
    model.put("consents", consents.current(person));
    model.put("purposes", ConsentPurpose.values());
    model.put("kinds", ExperienceKind.values());
    model.put("proficiencies", Proficiency.values());
    return model;
  }

  /**
   * One row per skill, with every source it comes from: an entry the person wrote, a CV, the
   * identify page, a credential naming it, a badge's description, a completed plan step, or the
   * person's own hand. Verified skills first, then by label.
   *
   * @param level the person's level for the skill (that of its first self-assessed source)
   * @param primary the source whose form sets the level
   */
  record SkillRow(
      String uri,
      LocalizedText labelText,
      boolean verified,
      SkillEntry primary,
      List<Source> sources) {

    public String label() {
      return labelText.text();
    }
  }

  /**
   * One source of a skill.
   *
   * @param kind the key suffix of how it came ({@code profile.skill.from.<kind>})
   */
  record Source(SkillEntry entry, String kind) {}

  private static List<SkillRow> rows(
      List<SkillEntry> skills,
      List<Experience> experiences,
      List<LearnerRecords.Credential> credentials,
      Map<String, LocalizedText> labels) {
    Map<UUID, UUID> fromCv = new HashMap<>();
    for (Experience e : experiences) {
      if (e.cvImportId() != null) {
        fromCv.put(e.id(), e.cvImportId());
      }
    }
    Map<UUID, String> formats = new HashMap<>();
    for (LearnerRecords.Credential c : credentials) {
      formats.put(c.id(), c.format());
    }
    Map<String, List<Source>> bySkill = new LinkedHashMap<>();
    for (SkillEntry s : skills) {
      String kind =
          switch (s.sourceKind()) {
            case "EXPERIENCE" -> fromCv.containsKey(s.experienceId()) ? "cv" : "entry";
            case "CREDENTIAL" ->
                !s.identified()
                    ? "credential"
                    : formats.getOrDefault(s.credentialId(), "").contains("badge")
                        ? "badgeDescription"
                        : "credentialDescription";
            case "TEXT" -> "text";
            case "MANUAL" -> "manual";
            default -> "learning";
          };
      bySkill.computeIfAbsent(s.skillUri(), k -> new ArrayList<>()).add(new Source(s, kind));
    }
    List<SkillRow> rows = new ArrayList<>();
    for (Map.Entry<String, List<Source>> e : bySkill.entrySet()) {
      List<Source> sources = e.getValue();
      SkillEntry primary =
          sources.stream()
              .map(Source::entry)
              .filter(s -> !s.proficiencyVerified())
              .findFirst()
              .orElse(sources.getFirst().entry());
      boolean verified = sources.stream().anyMatch(s -> s.entry().verified());
      // labels() gives every skill a label, from ESCO or as stored.
      LocalizedText label = Objects.requireNonNull(labels.get(e.getKey()), "label");
      rows.add(new SkillRow(e.getKey(), label, verified, primary, sources));
    }
    rows.sort(
        Comparator.comparing((SkillRow r) -> !r.verified())
            .thenComparing(r -> r.label().toLowerCase(java.util.Locale.ROOT)));
    return rows;
  }

  /**
   * Skill labels in the page's language where ESCO has them, else ESCO's fallback (flagged), else
   * as stored (language unknown, not flagged).
   */
  private Map<String, LocalizedText> labels(List<SkillEntry> skills, Language language) {
    Map<String, LocalizedText> labels = new HashMap<>();
    List<ConceptUri> uris =
        skills.stream().map(s -> ConceptUri.of(s.skillUri())).distinct().toList();
    for (ConceptSummary s : taxonomy.summaries(uris, language)) {
      if (s.label() != null) {
        labels.put(s.uri().value(), s.label());
      }
    }
    for (SkillEntry s : skills) {
      labels.putIfAbsent(s.skillUri(), new LocalizedText(s.label(), language, false));
    }
    return labels;
  }
}
