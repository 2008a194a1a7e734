package fi.osaava.profile.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's rights over their data: everything as JSON, the profile as a Europass-style European
 * Learning Model document, and deletion of the account with every personal row (identity included,
 * and what other modules hold through {@link PersonalDataHolder}), leaving one audit row that says
 * an account was deleted and nothing else.
 */
@Service
public class DataRights {

  private final JdbcClient jdbc;
  private final CompetenceProfile competence;
  private final Interests interests;
  private final LearnerRecords records;
  private final Consents consents;
  private final AuditLog audit;
  private final List<PersonalDataHolder> holders;
  private final fi.osaava.profile.internal.cv.CvImports cvImports;

  DataRights(
      JdbcClient jdbc,
      CompetenceProfile competence,
      Interests interests,
      LearnerRecords records,
      Consents consents,
      AuditLog audit,
      List<PersonalDataHolder> holders,
      fi.osaava.profile.internal.cv.CvImports cvImports) {
    this.cvImports = cvImports;
    this.jdbc = jdbc;
    this.competence = competence;
    this.interests = interests;
    this.records = records;
    this.consents = consents;
    this.audit = audit;
    this.holders = holders;
  }

  /** Everything Osaava holds about the person (the format is described in docs/profile.md). */
  @Transactional
  public Map<String, Object> export(PersonId person) {
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("format", "osaava-profile-export/1");
    export.put("exportedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
    export.put("person", person.value().toString());
    export.put(
        "identity",
        "The sign-in identifier is stored only as an HMAC digest, which is not reversible and"
            + " therefore not exported");
    export.put("experiences", competence.experiences(person));
    // The CV files themselves are not kept: only that they were uploaded, and their entries.
    export.put("cvUploads", cvImports.all(person));
    List<SuggestionEntry> suggestions = new ArrayList<>();
    for (Experience e : competence.experiences(person)) {
      suggestions.addAll(competence.suggestions(person, e.id()));
    }
    export.put("suggestions", suggestions);
    export.put("skills", competence.skills(person));
    export.put("languages", interests.languages(person));
    export.put("interests", interests.liked(person));
    export.put("personalInterests", interests.personal(person));
    List<Map<String, Object>> credentials = new ArrayList<>();
    for (LearnerRecords.Credential c : records.credentials(person)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("credential", c);
      entry.put(
          "document",
          jdbc.sql("SELECT document FROM profile_credential WHERE person_id = ? AND id = ?")
              .params(person.value(), c.id())
              .query(String.class)
              .single());
      credentials.add(entry);
    }
    export.put("credentials", credentials);
    export.put("consents", consents.history(person));
    export.put("audit", audit.of(person));
    for (PersonalDataHolder holder : holders) {
      export.put(holder.section(), holder.export(person));
    }
    audit.record(person, "self", "exported");
    return export;
  }

  /**
   * The profile as a Europass-compatible document in the European Learning Model's JSON-LD
   * vocabulary: the person, their work and learning experiences, and their skills as ESCO skill
   * references with evidence. It is self-declared and unsigned, and says so; verified skills name
   * their issuer.
   */
  @Transactional
  public Map<String, Object> europass(PersonId person) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(
        "@context",
        List.of(
            "https://www.w3.org/ns/credentials/v2",
            "http://data.europa.eu/snb/model/context/edc-ap"));
    doc.put("id", "urn:uuid:" + java.util.UUID.randomUUID());
    doc.put("type", List.of("VerifiablePresentation", "EuropassCV"));
    doc.put("note", "Self-declared profile exported from Osaava; not signed");
    Map<String, Object> holder = new LinkedHashMap<>();
    holder.put("id", "urn:uuid:" + person.value());
    holder.put("type", "Person");
    List<Map<String, Object>> claims = new ArrayList<>();
    for (Experience e : competence.experiences(person)) {
      Map<String, Object> claim = new LinkedHashMap<>();
      claim.put("id", "urn:uuid:" + e.id());
      claim.put(
          "type",
          switch (e.kind()) {
            case WORK -> "WorkExperience";
            case EDUCATION -> "LearningAchievement";
            case ACTIVITY, TRUST -> "LearningActivity";
            case OTHER -> "Claim";
          });
      claim.put("title", Map.of("fi", e.title()));
      if (!e.organisation().isBlank()) {
        claim.put("organisation", Map.of("legalName", Map.of("fi", e.organisation())));
      }
      if (!e.description().isBlank()) {
        claim.put("description", Map.of("fi", e.description()));
      }
      Map<String, Object> period = new LinkedHashMap<>();
      if (e.start() != null) {
        period.put("startDate", e.start().toString());
      }
      if (e.end() != null) {
        period.put("endDate", e.end().toString());
      }
      if (!period.isEmpty()) {
        claim.put("temporal", period);
      }
      claims.add(claim);
    }
    List<Map<String, Object>> skills = new ArrayList<>();
    for (SkillEntry s : competence.skills(person)) {
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("type", "LearningOutcome");
      outcome.put("title", Map.of("fi", s.label()));
      outcome.put("relatedESCOSkill", List.of(Map.of("id", s.skillUri(), "type", "Concept")));
      outcome.put("proficiency", s.proficiency().name());
      outcome.put("verified", s.verified());
      if (s.issuer() != null) {
        outcome.put("awardingBody", Map.of("legalName", Map.of("fi", s.issuer())));
      }
      outcome.put("source", s.sourceLabel());
      if (!s.evidence().isBlank()) {
        outcome.put("evidence", s.evidence());
      }
      skills.add(outcome);
    }
    holder.put("hasClaim", claims);
    holder.put("learningOutcome", skills);
    List<Map<String, Object>> languages = new ArrayList<>();
    for (Interests.LanguageSkill l : interests.languages(person)) {
      languages.add(Map.of("language", l.language(), "cefrLevel", l.level()));
    }
    holder.put("languages", languages);
    doc.put("holder", holder);
    audit.record(person, "self", "exported-europass");
    return doc;
  }

  /**
   * Deletes the account: other modules' data first, then the person row, from which every profile
   * table cascades (identity included). The person's earlier audit rows go too; one row remains,
   * recording that this (now meaningless) UUID's account was deleted by its owner.
   */
  @Transactional
  public void deleteAccount(PersonId person) {
    for (PersonalDataHolder holder : holders) {
      holder.delete(person);
    }
    jdbc.sql("DELETE FROM profile_person WHERE id = ?").param(person.value()).update();
    jdbc.sql("DELETE FROM profile_audit WHERE person_id = ?").param(person.value()).update();
    audit.record(person, "self", "account-deleted");
  }
}
