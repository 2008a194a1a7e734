package fi.osaava.profile.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.profile.ConsentPurpose;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.Proficiency;
import fi.osaava.profile.internal.CompetenceProfile;
import fi.osaava.profile.internal.Consents;
import fi.osaava.profile.internal.ExperienceKind;
import fi.osaava.profile.internal.Interests;
import fi.osaava.profile.internal.LearnerRecords;
import fi.osaava.profile.internal.SkillEntry;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    model.put("person", person);
    model.put("experiences", competence.experiences(person));
    model.put("skills", skills);
    model.put("labels", labels(skills, language));
    model.put("pending", competence.pendingSuggestions(person).size());
    model.put("languages", interests.languages(person));
    model.put("languageLevels", Interests.LANGUAGE_LEVELS);
    model.put("credentials", records.credentials(person));
    model.put("consents", consents.current(person));
    model.put("purposes", ConsentPurpose.values());
    model.put("kinds", ExperienceKind.values());
    model.put("proficiencies", Proficiency.values());
    return model;
  }

  /** Skill labels in the page's language where ESCO has them, else as stored. */
  private Map<String, String> labels(List<SkillEntry> skills, Language language) {
    Map<String, String> labels = new HashMap<>();
    List<ConceptUri> uris =
        skills.stream().map(s -> ConceptUri.of(s.skillUri())).distinct().toList();
    for (ConceptSummary s : taxonomy.summaries(uris, language)) {
      labels.put(s.uri().value(), s.label().text());
    }
    for (SkillEntry s : skills) {
      labels.putIfAbsent(s.skillUri(), s.label());
    }
    return labels;
  }
}
