package fi.osaava.profile.internal;

import fi.osaava.identification.Evidence;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.Proficiency;
import fi.osaava.regions.MunicipalityOptions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own entries, suggested skills and accepted skills. Every method takes the owner and
 * touches only the owner's rows (each statement filters by {@code person_id}), so an id of someone
 * else's row is simply not found: that is what keeps one person out of another's data. Edits name
 * the version they started from, and a stale version is refused ({@link EditConflictException}).
 */
@Service
public class CompetenceProfile {

  /** Suggestions per entry: enough to find what fits without a wall of chips. */
  static final int SUGGESTIONS = 12;

  /** Suggestions each entry read from a CV gets at least, the unsure ones marked as such. */
  static final int CV_MINIMUM = 3;

  private final JdbcClient jdbc;
  private final IdentificationApi identification;
  private final AuditLog audit;
  private final MunicipalityOptions municipalities;

  CompetenceProfile(
      JdbcClient jdbc,
      IdentificationApi identification,
      AuditLog audit,
      MunicipalityOptions municipalities) {
    this.jdbc = jdbc;
    this.identification = identification;
    this.audit = audit;
    this.municipalities = municipalities;
  }

  /** The same refusal for the page and the API: a code that names no current municipality. */
  private void checkMunicipality(ExperienceInput input) {
    if (input.municipalityCode() != null && !municipalities.isKnown(input.municipalityCode())) {
      throw new ProfileInputException("municipality", "no municipality has this code");
    }
  }

  // --- entries -------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<Experience> experiences(PersonId person) {
    return jdbc.sql(
            "SELECT * FROM profile_experience WHERE person_id = ?"
                + " ORDER BY kind, coalesce(end_date, DATE '9999-12-31') DESC, start_date DESC,"
                + " created_at")
        .param(person.value())
        .query(CompetenceProfile::experience)
        .list();
  }

  @Transactional(readOnly = true)
  public Experience experience(PersonId person, UUID id) {
    return jdbc.sql("SELECT * FROM profile_experience WHERE person_id = ? AND id = ?")
        .params(person.value(), id)
        .query(CompetenceProfile::experience)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such entry in your profile: " + id));
  }

  /** Adds an entry and asks the engine for the skills its description expresses. */
  @Transactional
  public Experience addExperience(PersonId person, ExperienceInput input, Language labels) {
    checkMunicipality(input);
    UUID id = insertExperience(person, input, null);
    suggest(person, id, input, labels);
    audit.record(person, "self", "experience-added");
    return experience(person, id);
  }

  /**
   * Saves an edit made from {@code expectedVersion}. A changed description is analysed again; its
   * new suggestions join the old, and what was rejected before stays rejected.
   */
  @Transactional
  public Experience updateExperience(
      PersonId person, UUID id, ExperienceInput input, long expectedVersion, Language labels) {
    checkMunicipality(input);
    Experience before = experience(person, id);
    int updated =
        jdbc.sql(
                // A new title or kind is no longer the occupation confirmed on the identify page:
                // the
                // title is recognised again instead.
                "UPDATE profile_experience SET kind = ?, organisation = ?, title = ?,"
                    + " start_date = ?, end_date = ?, description = ?, offering_id = ?,"
                    + " municipality_code = ?,"
                    + " occupation_uri = CASE WHEN title = ? AND kind = ? THEN occupation_uri END,"
                    + " version = version + 1 WHERE person_id = ? AND id = ? AND version = ?")
            // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
            .param(input.kind().name())
            .param(input.organisation())
            .param(input.title())
            .param(input.start())
            .param(input.end())
            .param(input.description())
            .param(input.offeringId())
            .param(input.municipalityCode())
            .param(input.title())
            .param(input.kind().name())
            .param(person.value())
            .param(id)
            .param(expectedVersion)
            .update();
    if (updated == 0) {
      throw new EditConflictException("This entry");
    }
    if (!before.description().equals(input.description())) {
      suggest(person, id, input, labels);
    }
    // Skills accepted from this entry follow its dates.
    jdbc.sql(
            "UPDATE profile_skill SET last_used = ?, source_label = ?"
                + " WHERE person_id = ? AND experience_id = ?")
        // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
        .param(lastUsed(input.end(), input.start()))
        .param(sourceLabel(input))
        .param(person.value())
        .param(id)
        .update();
    audit.record(person, "self", "experience-updated");
    return experience(person, id);
  }

  @Transactional
  public void deleteExperience(PersonId person, UUID id) {
    int deleted =
        jdbc.sql("DELETE FROM profile_experience WHERE person_id = ? AND id = ?")
            .params(person.value(), id)
            .update();
    if (deleted == 0) {
      throw new NotFoundException("No such entry in your profile: " + id);
    }
    audit.record(person, "self", "experience-deleted");
  }

  private void suggest(PersonId person, UUID experienceId, ExperienceInput input, Language labels) {
    if (input.description().isBlank()) {
      return;
    }
    storeSuggestions(
        person,
        experienceId,
        identification.identify(analysedText(input), null, suggestionOptions(labels)));
  }

  /** The title gives the description its context ("Kokki." before what a cook did). */
  private static String analysedText(ExperienceInput input) {
    return (input.title() + ".\n" + input.description()).strip();
  }

  private static IdentifyOptions suggestionOptions(Language labels) {
    return new IdentifyOptions(SUGGESTIONS, IdentifyOptions.DEFAULT_THRESHOLD, true, false, labels);
  }

  private void storeSuggestions(PersonId person, UUID experienceId, Identification result) {
    for (IdentifiedConcept c : result.skills()) {
      // An earlier decision on the same skill for the same entry stands: rejected stays rejected.
      jdbc.sql(
              "INSERT INTO profile_suggestion (experience_id, person_id, skill_uri, label, evidence,"
                  + " score) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (experience_id, skill_uri)"
                  + " DO NOTHING")
          .params(
              experienceId,
              person.value(),
              c.uri().value(),
              c.label().text(),
              evidence(c),
              c.score())
          .update();
    }
  }

  /** The stretches of text a suggestion was found in, as one short quote. */
  static String evidence(IdentifiedConcept c) {
    String evidence =
        c.evidence().stream()
            .map(Evidence::text)
            .map(t -> t.strip().replaceAll("\\s+", " "))
            .filter(t -> !t.isEmpty())
            .distinct()
            .limit(3)
            .collect(Collectors.joining(" … "));
    return evidence.length() > 500 ? evidence.substring(0, 499) + "…" : evidence;
  }

  /** Stores one entry, from the form or from an uploaded CV ({@code cvImportId} else null). */
  private UUID insertExperience(PersonId person, ExperienceInput input, @Nullable UUID cvImportId) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            // clock_timestamp(), not the transaction's now(): a CV's entries keep their order.
            "INSERT INTO profile_experience (id, person_id, kind, organisation, title, start_date,"
                + " end_date, description, offering_id, cv_import_id, municipality_code,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())")
        // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
        .param(id)
        .param(person.value())
        .param(input.kind().name())
        .param(input.organisation())
        .param(input.title())
        .param(input.start())
        .param(input.end())
        .param(input.description())
        .param(input.offeringId())
        .param(cvImportId)
        .param(input.municipalityCode())
        .update();
    return id;
  }

  /**
   * Adds the entries read from one uploaded CV and asks the engine, in one batch, for the skills
   * each expresses: the person then confirms them on the import's page.
   *
   * @return the entries' ids, in the order given
   */
  @Transactional
  public List<UUID> addImported(
      PersonId person, UUID cvImportId, List<ExperienceInput> inputs, Language labels) {
    List<UUID> ids = new java.util.ArrayList<>();
    for (ExperienceInput input : inputs) {
      ids.add(insertExperience(person, input, cvImportId));
    }
    List<Integer> described = new java.util.ArrayList<>();
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (!inputs.get(i).description().isBlank() || inputs.get(i).kind() != ExperienceKind.OTHER) {
        described.add(i);
        texts.add(analysedText(inputs.get(i)));
      }
    }
    // A CV's entries are short: when too few suggestions reach the threshold, the best few below
    // it are offered too, and the page marks them as best guesses.
    List<Identification> results =
        texts.isEmpty()
            ? List.of()
            : identification.identifyAll(
                texts, null, suggestionOptions(labels).withMinimum(CV_MINIMUM));
    for (int j = 0; j < described.size(); j++) {
      storeSuggestions(person, ids.get(described.get(j)), results.get(j));
    }
    audit.record(person, "self", "cv-imported");
    return ids;
  }

  /** The entries read from one CV upload, in the order of the CV. */
  @Transactional(readOnly = true)
  public List<Experience> importedEntries(PersonId person, UUID cvImportId) {
    return jdbc.sql(
            "SELECT * FROM profile_experience WHERE person_id = ? AND cv_import_id = ?"
                + " ORDER BY created_at, id")
        .params(person.value(), cvImportId)
        .query(CompetenceProfile::experience)
        .list();
  }

  /** A skill identified in a text and confirmed, with the words it was found in. */
  public record ConfirmedSkill(String skillUri, String label, String evidence) {}

  /** An occupation a text names, confirmed by the person, with the words it was found in. */
  public record ConfirmedOccupation(String occupationUri, String label, String evidence) {}

  /**
   * Adds occupations confirmed on the identify page as work entries: titled by the occupation's
   * label, described by the words of the text that name it, with no dates (the text's dates are not
   * read here; the person can add them). An occupation already standing for an entry of the person
   * adds nothing, so saving the same text twice makes no duplicates.
   *
   * @return how many entries were new
   */
  @Transactional
  public int addWorkedAs(PersonId person, List<ConfirmedOccupation> occupations) {
    int added = 0;
    for (ConfirmedOccupation o : named(occupations)) {
      added +=
          jdbc.sql(
                  "INSERT INTO profile_experience (id, person_id, kind, title, description,"
                      + " occupation_uri, created_at)"
                      + " SELECT ?, ?, 'WORK', ?, ?, ?, clock_timestamp() WHERE NOT EXISTS"
                      + " (SELECT 1 FROM profile_experience WHERE person_id = ?"
                      + " AND occupation_uri = ?)")
              .params(
                  UUID.randomUUID(),
                  person.value(),
                  o.label(),
                  o.evidence(),
                  o.occupationUri(),
                  person.value(),
                  o.occupationUri())
              .update();
    }
    if (added > 0) {
      audit.record(person, "self", "text-occupations-confirmed");
    }
    return added;
  }

  /**
   * The occupations whose quoted words name them, recognised again from the quote alone as a work
   * entry's title is: a confirmed occupation the text only suggests (by meaning, or through the
   * skills found) says the person's text is near it, not that they have worked in it.
   */
  private List<ConfirmedOccupation> named(List<ConfirmedOccupation> occupations) {
    List<String> quotes = new java.util.ArrayList<>();
    List<Integer> owners = new java.util.ArrayList<>();
    for (int i = 0; i < occupations.size(); i++) {
      for (String quote : occupations.get(i).evidence().split(" … ")) {
        if (!quote.isBlank()) {
          quotes.add(quote.strip());
          owners.add(i);
        }
      }
    }
    if (quotes.isEmpty()) {
      return List.of();
    }
    IdentifyOptions titles =
        new IdentifyOptions(3, IdentifyOptions.DEFAULT_THRESHOLD, false, true, null);
    List<Identification> found = identification.identifyAll(quotes, null, titles);
    java.util.Set<Integer> named = new java.util.TreeSet<>();
    for (int q = 0; q < quotes.size(); q++) {
      String uri = occupations.get(owners.get(q)).occupationUri();
      for (IdentifiedConcept c : found.get(q).occupations()) {
        if (c.namedInText() && c.uri().value().equals(uri)) {
          named.add(owners.get(q));
        }
      }
    }
    return named.stream().map(occupations::get).toList();
  }

  /**
   * Adds skills confirmed on the identify page: their source is the text (not kept as a whole),
   * their evidence the words they were found in. A skill already confirmed from a text keeps its
   * row; one from another source gets this source beside it.
   *
   * @return how many were new
   */
  @Transactional
  public int addFromText(PersonId person, String sourceLabel, List<ConfirmedSkill> skills) {
    int added = 0;
    for (ConfirmedSkill skill : skills) {
      added +=
          jdbc.sql(
                  "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind,"
                      + " source_label, evidence, proficiency, last_used, identified)"
                      + " VALUES (?, ?, ?, ?, 'TEXT', ?, ?, ?, NULL, true) ON CONFLICT DO NOTHING")
              .params(
                  UUID.randomUUID(),
                  person.value(),
                  skill.skillUri(),
                  skill.label(),
                  sourceLabel,
                  skill.evidence(),
                  levelOf(person, skill.skillUri()).name())
              .update();
    }
    audit.record(person, "self", "text-skills-confirmed");
    return added;
  }

  /**
   * Adds a skill by hand at the level the person gives. Adding the same skill by hand again changes
   * nothing but the level.
   */
  @Transactional
  public SkillEntry addManual(PersonId person, String skillUri, String label, Proficiency level) {
    jdbc.sql(
            "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind, source_label,"
                + " evidence, proficiency) VALUES (?, ?, ?, ?, 'MANUAL', '', '', ?)"
                + " ON CONFLICT DO NOTHING")
        .params(UUID.randomUUID(), person.value(), skillUri, label, level.name())
        .update();
    // The level is the person's view of the skill, whatever its sources.
    jdbc.sql(
            "UPDATE profile_skill SET proficiency = ?, version = version + 1"
                + " WHERE person_id = ? AND skill_uri = ? AND NOT proficiency_verified")
        .params(level.name(), person.value(), skillUri)
        .update();
    audit.record(person, "self", "skill-added");
    return jdbc.sql(
            "SELECT * FROM profile_skill WHERE person_id = ? AND skill_uri = ?"
                + " AND source_kind = 'MANUAL'")
        .params(person.value(), skillUri)
        .query(CompetenceProfile::skill)
        .single();
  }

  /** The level the person has given a skill already, from any source; intermediate when none. */
  private Proficiency levelOf(PersonId person, String skillUri) {
    return jdbc.sql(
            "SELECT proficiency FROM profile_skill WHERE person_id = ? AND skill_uri = ?"
                + " AND NOT proficiency_verified ORDER BY version DESC, created_at DESC LIMIT 1")
        .params(person.value(), skillUri)
        .query((rs, row) -> Proficiency.valueOf(rs.getString(1)))
        .optional()
        .orElse(Proficiency.INTERMEDIATE);
  }

  // --- suggestions ---------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<SuggestionEntry> suggestions(PersonId person, UUID experienceId) {
    return jdbc.sql(
            "SELECT * FROM profile_suggestion WHERE person_id = ? AND experience_id = ?"
                + " ORDER BY score DESC, skill_uri")
        .params(person.value(), experienceId)
        .query(CompetenceProfile::suggestion)
        .list();
  }

  @Transactional(readOnly = true)
  public List<SuggestionEntry> pendingSuggestions(PersonId person) {
    return jdbc.sql(
            "SELECT * FROM profile_suggestion WHERE person_id = ? AND decision = 'PENDING'"
                + " ORDER BY experience_id, score DESC, skill_uri")
        .param(person.value())
        .query(CompetenceProfile::suggestion)
        .list();
  }

  /**
   * Accepts or rejects a suggestion. Accepting adds a self-declared skill whose source is the entry
   * and whose evidence is the text it was found in; rejecting removes a skill accepted earlier from
   * the same entry, and the suggestion does not come back for that entry.
   */
  @Transactional
  public void decide(PersonId person, UUID experienceId, String skillUri, boolean accept) {
    Experience source = experience(person, experienceId);
    SuggestionEntry suggestion =
        jdbc.sql(
                "SELECT * FROM profile_suggestion WHERE person_id = ? AND experience_id = ?"
                    + " AND skill_uri = ?")
            .params(person.value(), experienceId, skillUri)
            .query(CompetenceProfile::suggestion)
            .optional()
            .orElseThrow(() -> new NotFoundException("No such suggestion: " + skillUri));
    jdbc.sql(
            "UPDATE profile_suggestion SET decision = ? WHERE person_id = ? AND experience_id = ?"
                + " AND skill_uri = ?")
        .params(accept ? "ACCEPTED" : "REJECTED", person.value(), experienceId, skillUri)
        .update();
    if (accept) {
      jdbc.sql(
              "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind,"
                  + " experience_id, source_label, evidence, proficiency, last_used, identified)"
                  + " VALUES (?, ?, ?, ?, 'EXPERIENCE', ?, ?, ?, ?, ?, true) ON CONFLICT DO NOTHING")
          // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
          .param(UUID.randomUUID())
          .param(person.value())
          .param(skillUri)
          .param(suggestion.label())
          .param(experienceId)
          .param(sourceLabel(source))
          .param(suggestion.evidence())
          .param(Proficiency.INTERMEDIATE.name())
          .param(lastUsed(source.end(), source.start()))
          .update();
    } else {
      jdbc.sql(
              "DELETE FROM profile_skill WHERE person_id = ? AND experience_id = ?"
                  + " AND skill_uri = ?")
          .params(person.value(), experienceId, skillUri)
          .update();
    }
    audit.record(person, "self", accept ? "suggestion-accepted" : "suggestion-rejected");
  }

  // --- skills --------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<SkillEntry> skills(PersonId person) {
    return jdbc.sql(
            "SELECT * FROM profile_skill WHERE person_id = ? ORDER BY verified DESC, label, id")
        .param(person.value())
        .query(CompetenceProfile::skill)
        .list();
  }

  @Transactional(readOnly = true)
  public SkillEntry skill(PersonId person, UUID id) {
    return jdbc.sql("SELECT * FROM profile_skill WHERE person_id = ? AND id = ?")
        .params(person.value(), id)
        .query(CompetenceProfile::skill)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such skill in your profile: " + id));
  }

  /**
   * The person's own assessment of a skill. A level the person sets is self-assessed, even on a
   * skill from a credential (which stays verified: the credential still proves the skill). A new
   * level applies to the skill's other self-assessed sources too, since it is one skill.
   */
  @Transactional
  public SkillEntry assess(
      PersonId person, UUID id, Proficiency proficiency, LocalDate lastUsed, long expectedVersion) {
    SkillEntry before = skill(person, id);
    boolean levelChanged = before.proficiency() != proficiency;
    int updated =
        jdbc.sql(
                "UPDATE profile_skill SET proficiency = ?, last_used = ?,"
                    + " proficiency_verified = proficiency_verified AND NOT ?,"
                    + " version = version + 1 WHERE person_id = ? AND id = ? AND version = ?")
            .params(proficiency.name(), lastUsed, levelChanged, person.value(), id, expectedVersion)
            .update();
    if (updated == 0) {
      throw new EditConflictException("This skill");
    }
    if (levelChanged) {
      // One skill from several sources has one level: the person's own view of it. A level a
      // credential states stays with that credential's row.
      jdbc.sql(
              "UPDATE profile_skill SET proficiency = ?, version = version + 1"
                  + " WHERE person_id = ? AND skill_uri = ? AND id <> ? AND NOT proficiency_verified")
          .params(proficiency.name(), person.value(), before.skillUri(), id)
          .update();
    }
    audit.record(person, "self", "skill-assessed");
    return skill(person, id);
  }

  @Transactional
  public void deleteSkill(PersonId person, UUID id) {
    int deleted =
        jdbc.sql("DELETE FROM profile_skill WHERE person_id = ? AND id = ?")
            .params(person.value(), id)
            .update();
    if (deleted == 0) {
      throw new NotFoundException("No such skill in your profile: " + id);
    }
    audit.record(person, "self", "skill-deleted");
  }

  static String sourceLabel(Experience e) {
    return sourceLabel(e.title(), e.organisation());
  }

  static String sourceLabel(ExperienceInput e) {
    return sourceLabel(e.title(), e.organisation());
  }

  private static String sourceLabel(String title, String organisation) {
    return organisation.isBlank() ? title : title + ", " + organisation;
  }

  private static @Nullable LocalDate lastUsed(@Nullable LocalDate end, @Nullable LocalDate start) {
    // An ongoing entry is used today; a finished one was last used when it ended.
    if (end != null) {
      return end;
    }
    return start == null ? null : LocalDate.now();
  }

  static Experience experience(ResultSet rs, int row) throws SQLException {
    return new Experience(
        rs.getObject("id", UUID.class),
        ExperienceKind.valueOf(rs.getString("kind")),
        rs.getString("organisation"),
        rs.getString("title"),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class),
        rs.getString("description"),
        rs.getString("offering_id"),
        rs.getLong("version"),
        rs.getObject("cv_import_id", UUID.class),
        rs.getString("occupation_uri"),
        rs.getString("municipality_code"));
  }

  static SuggestionEntry suggestion(ResultSet rs, int row) throws SQLException {
    return new SuggestionEntry(
        rs.getObject("experience_id", UUID.class),
        rs.getString("skill_uri"),
        rs.getString("label"),
        rs.getString("evidence"),
        rs.getDouble("score"),
        rs.getString("decision"));
  }

  static SkillEntry skill(ResultSet rs, int row) throws SQLException {
    return new SkillEntry(
        rs.getObject("id", UUID.class),
        rs.getString("skill_uri"),
        rs.getString("label"),
        rs.getString("source_kind"),
        rs.getObject("experience_id", UUID.class),
        rs.getObject("credential_id", UUID.class),
        rs.getString("source_label"),
        rs.getString("evidence"),
        Proficiency.valueOf(rs.getString("proficiency").toUpperCase(Locale.ROOT)),
        rs.getBoolean("proficiency_verified"),
        rs.getObject("last_used", LocalDate.class),
        rs.getBoolean("verified"),
        rs.getString("issuer"),
        rs.getLong("version"),
        rs.getBoolean("identified"));
  }
}
