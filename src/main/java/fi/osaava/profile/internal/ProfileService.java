package fi.osaava.profile.internal;

import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.Language;
import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.profile.ProfileProgress;
import fi.osaava.profile.ProfileSkill;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ProfileApi} for other modules, on the profile's own services. */
@Service
class ProfileService implements ProfileApi {

  private final PersonDirectory directory;
  private final CompetenceProfile competence;
  private final Interests interests;
  private final TaxonomyApi taxonomy;
  private final JdbcClient jdbc;
  private final IdentificationApi identification;
  private final LearnerRecords learnerRecords;

  ProfileService(
      PersonDirectory directory,
      CompetenceProfile competence,
      Interests interests,
      TaxonomyApi taxonomy,
      JdbcClient jdbc,
      IdentificationApi identification,
      LearnerRecords learnerRecords) {
    this.identification = identification;
    this.learnerRecords = learnerRecords;
    this.directory = directory;
    this.competence = competence;
    this.interests = interests;
    this.taxonomy = taxonomy;
    this.jdbc = jdbc;
  }

  @Override
  public Optional<PersonId> currentPerson(Authentication authentication) {
    return directory.currentPerson(authentication);
  }

  /**
   * One entry per skill: the highest level over its sources, verified when any source is, and the
   * latest use.
   */
  @Override
  @Transactional(readOnly = true)
  public CompetenceSnapshot competence(PersonId person) {
    Map<String, ProfileSkill> bySkill = new LinkedHashMap<>();
    for (SkillEntry s : competence.skills(person)) {
      ProfileSkill merged =
          new ProfileSkill(
              ConceptUri.of(s.skillUri()), s.proficiency(), s.verified(), s.lastUsed());
      bySkill.merge(s.skillUri(), merged, ProfileService::merge);
    }
    Interests.PersonalInterests personal = interests.personal(person);
    return new CompetenceSnapshot(
        person,
        new ArrayList<>(bySkill.values()),
        interests.liked(person, ConceptType.SKILL),
        interests.liked(person, ConceptType.OCCUPATION),
        personal.scores(),
        workedAs(person));
  }

  @Override
  @Transactional(readOnly = true)
  public ProfileProgress progress(PersonId person) {
    List<Experience> entries = competence.experiences(person);
    List<SuggestionEntry> pending = competence.pendingSuggestions(person);
    String review = null;
    if (!pending.isEmpty()) {
      UUID first = pending.getFirst().experienceId();
      // Suggestions from a CV are decided together on the CV's review page.
      review =
          entries.stream()
              .filter(e -> e.id().equals(first))
              .findFirst()
              .map(
                  e ->
                      e.cvImportId() != null
                          ? "/profile/cv/" + e.cvImportId()
                          : "/profile/experiences/" + e.id())
              .orElse("/profile#experiences");
    }
    int skills =
        (int) competence.skills(person).stream().map(SkillEntry::skillUri).distinct().count();
    return new ProfileProgress(
        skills,
        entries.size(),
        pending.size(),
        review,
        !interests.personal(person).scores().isEmpty());
  }

  /**
   * The occupations the person has worked in: those confirmed on the identify page as named by
   * their text (kept with the entry), and those the titles of their other work entries name
   * ("lähihoitaja", "Lagerarbetare"), recognised by the identification engine from the title's
   * words alone, confidently and by the words themselves, not by meaning, so that matching can rank
   * them first.
   */
  private Set<ConceptUri> workedAs(PersonId person) {
    Set<ConceptUri> occupations = new LinkedHashSet<>();
    List<String> titles = new ArrayList<>();
    for (Experience e : competence.experiences(person)) {
      if (e.kind() != ExperienceKind.WORK) {
        continue;
      }
      if (e.occupationUri() != null) {
        occupations.add(ConceptUri.of(e.occupationUri()));
      } else if (!e.title().isBlank()) {
        titles.add(e.title());
      }
    }
    if (titles.isEmpty()) {
      return occupations;
    }
    IdentifyOptions options =
        new IdentifyOptions(3, IdentifyOptions.DEFAULT_THRESHOLD, false, true, null);
    for (Identification found : identification.identifyAll(titles, null, options)) {
      for (IdentifiedConcept c : found.occupations()) {
        if (c.namedInText()) {
          occupations.add(c.uri());
        }
      }
    }
    return occupations;
  }

  private static ProfileSkill merge(ProfileSkill a, ProfileSkill b) {
    LocalDate lastUsed =
        a.lastUsed() == null
            ? b.lastUsed()
            : b.lastUsed() == null || a.lastUsed().isAfter(b.lastUsed())
                ? a.lastUsed()
                : b.lastUsed();
    return new ProfileSkill(
        a.skill(),
        a.proficiency().compareTo(b.proficiency()) >= 0 ? a.proficiency() : b.proficiency(),
        a.verified() || b.verified(),
        lastUsed);
  }

  @Override
  @Transactional
  public void recordCompletedLearning(
      PersonId person, String source, Collection<ConceptUri> skills) {
    if (skills.isEmpty()) {
      return;
    }
    // Without a source nothing is stored beside the kind: the page says "Completed learning" in
    // the reader's language (profile.skill.from.learning), not a stored English phrase.
    String label = source == null ? "" : source.strip();
    Map<ConceptUri, String> labels = new LinkedHashMap<>();
    for (ConceptSummary s : taxonomy.summaries(List.copyOf(skills), Language.FI)) {
      labels.put(s.uri(), s.label().text());
    }
    for (ConceptUri skill : skills) {
      boolean present =
          jdbc.sql("SELECT count(*) FROM profile_skill WHERE person_id = ? AND skill_uri = ?")
                  .params(person.value(), skill.value())
                  .query(Long.class)
                  .single()
              > 0;
      if (present) {
        continue;
      }
      jdbc.sql(
              "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind,"
                  + " source_label, evidence, proficiency, last_used)"
                  + " VALUES (?, ?, ?, ?, 'LEARNING', ?, ?, 'BASIC', ?) ON CONFLICT DO NOTHING")
          .params(
              UUID.randomUUID(),
              person.value(),
              skill.value(),
              labels.getOrDefault(skill, skill.value()),
              label,
              label,
              LocalDate.now())
          .update();
    }
  }

  @Override
  public UUID addIssuedCredential(PersonId person, String fileName, byte[] credential) {
    return learnerRecords.importCredential(person, fileName, credential).id();
  }
}
