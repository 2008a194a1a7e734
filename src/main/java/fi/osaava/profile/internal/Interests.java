package fi.osaava.profile.internal;

import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * What a person likes (skills and occupations, free text, the interest questionnaire) and the
 * languages they know. Person-level fields are edited under the person's version.
 */
@Service
public class Interests {

  /** CEFR levels, and a native speaker. */
  public static final List<String> LANGUAGE_LEVELS =
      List.of("A1", "A2", "B1", "B2", "C1", "C2", "NATIVE");

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final AuditLog audit;

  Interests(JdbcClient jdbc, ObjectMapper json, AuditLog audit) {
    this.jdbc = jdbc;
    this.json = json;
    this.audit = audit;
  }

  /**
   * The person-level part of the profile.
   *
   * @param answers questionnaire answers by statement key
   */
  public record PersonalInterests(
      String text, Map<String, Integer> answers, Map<Character, Double> scores, long version) {

    public String code() {
      return RiasecQuestionnaire.code(scores);
    }
  }

  /** A liked skill or occupation. */
  public record Interest(String uri, ConceptType type, String label) {}

  /** A language and the level the person has in it. */
  public record LanguageSkill(String language, String level) {}

  @Transactional(readOnly = true)
  public PersonalInterests personal(PersonId person) {
    return jdbc.sql(
            "SELECT interest_text, riasec::text AS riasec, version FROM profile_person WHERE id = ?")
        .param(person.value())
        .query(
            (rs, row) -> {
              Map<String, Integer> answers =
                  json.readValue(
                      rs.getString("riasec"), new TypeReference<Map<String, Integer>>() {});
              return new PersonalInterests(
                  rs.getString("interest_text"),
                  answers,
                  RiasecQuestionnaire.score(answers),
                  rs.getLong("version"));
            })
        .optional()
        .orElseThrow(() -> new NotFoundException("No such person"));
  }

  /** Saves the free text and questionnaire answers, edited from {@code expectedVersion}. */
  @Transactional
  public PersonalInterests savePersonal(
      PersonId person, String text, Map<String, Integer> answers, long expectedVersion) {
    String cleanText = text == null ? "" : text.strip();
    if (cleanText.length() > 5_000) {
      throw new ProfileInputException("interestText", "at most 5000 characters");
    }
    RiasecQuestionnaire.score(answers);
    int updated =
        jdbc.sql(
                "UPDATE profile_person SET interest_text = ?, riasec = ?::jsonb,"
                    + " version = version + 1 WHERE id = ? AND version = ?")
            .params(
                cleanText,
                json.writeValueAsString(new LinkedHashMap<>(answers)),
                person.value(),
                expectedVersion)
            .update();
    if (updated == 0) {
      throw new EditConflictException("Your interests");
    }
    audit.record(person, "self", "interests-saved");
    return personal(person);
  }

  @Transactional(readOnly = true)
  public List<Interest> liked(PersonId person) {
    return jdbc.sql(
            "SELECT concept_uri, concept_type, label FROM profile_interest WHERE person_id = ?"
                + " ORDER BY concept_type, label")
        .param(person.value())
        .query(
            (rs, row) ->
                new Interest(
                    rs.getString(1), ConceptType.valueOf(rs.getString(2)), rs.getString(3)))
        .list();
  }

  @Transactional
  public void like(PersonId person, ConceptUri uri, ConceptType type, String label) {
    if (type != ConceptType.SKILL && type != ConceptType.OCCUPATION) {
      throw new ProfileInputException("uri", "only skills and occupations can be liked");
    }
    jdbc.sql(
            "INSERT INTO profile_interest (person_id, concept_uri, concept_type, label)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(person.value(), uri.value(), type.name(), label)
        .update();
    audit.record(person, "self", "interest-added");
  }

  @Transactional
  public void unlike(PersonId person, String uri) {
    jdbc.sql("DELETE FROM profile_interest WHERE person_id = ? AND concept_uri = ?")
        .params(person.value(), uri)
        .update();
    audit.record(person, "self", "interest-removed");
  }

  Set<ConceptUri> liked(PersonId person, ConceptType type) {
    return Set.copyOf(
        jdbc.sql(
                "SELECT concept_uri FROM profile_interest WHERE person_id = ? AND concept_type = ?")
            .params(person.value(), type.name())
            .query((rs, row) -> ConceptUri.of(rs.getString(1)))
            .list());
  }

  @Transactional(readOnly = true)
  public List<LanguageSkill> languages(PersonId person) {
    return jdbc.sql(
            "SELECT language, level FROM profile_language WHERE person_id = ? ORDER BY language")
        .param(person.value())
        .query((rs, row) -> new LanguageSkill(rs.getString(1), rs.getString(2)))
        .list();
  }

  @Transactional
  public void setLanguage(PersonId person, String language, String level) {
    String code = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
    if (!code.matches("[a-z]{2,3}")) {
      throw new ProfileInputException("language", "an ISO 639 code such as fi, sv or en");
    }
    if (!LANGUAGE_LEVELS.contains(level)) {
      throw new ProfileInputException("level", "one of " + LANGUAGE_LEVELS);
    }
    jdbc.sql(
            "INSERT INTO profile_language (person_id, language, level) VALUES (?, ?, ?)"
                + " ON CONFLICT (person_id, language) DO UPDATE SET level = EXCLUDED.level")
        .params(person.value(), code, level)
        .update();
    audit.record(person, "self", "language-saved");
  }

  @Transactional
  public void removeLanguage(PersonId person, String language) {
    jdbc.sql("DELETE FROM profile_language WHERE person_id = ? AND language = ?")
        .params(person.value(), language)
        .update();
    audit.record(person, "self", "language-removed");
  }
}
