package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.guidance.internal.Counsellor;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The self-assessments people saved: each completed one kept with its date, newest last, so that
 * the history shows change over time. A counsellor reads a client's history only through the
 * client's live consent to {@link SharedPart#SELF_ASSESSMENTS} ({@link
 * CounsellorConsents#authorise}, which logs the read for the client).
 */
@Service
public class SelfAssessments {

  /** A saved self-assessment. */
  public record Saved(UUID id, Answers answers) {}

  /** A client's saved self-assessments as a counsellor may read them. */
  public record ClientHistory(CounsellorGrant grant, List<Saved> history) {}

  private static final TypeReference<LinkedHashMap<String, Integer>> ANSWERS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final SelfAssessmentCatalogue catalogue;
  private final CounsellorConsents consents;
  private final Clock clock;

  SelfAssessments(
      JdbcClient jdbc,
      ObjectMapper json,
      SelfAssessmentCatalogue catalogue,
      CounsellorConsents consents,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.catalogue = catalogue;
    this.consents = consents;
    this.clock = clock;
  }

  /** Saves a completed self-assessment to the person's history. */
  @Transactional
  public UUID save(PersonId person, Answers answers) {
    UUID id = UUID.randomUUID();
    Map<String, Double> scores = new LinkedHashMap<>();
    catalogue.score(answers).scores().forEach(s -> scores.put(s.area().id(), s.mean()));
    jdbc.sql(
            "INSERT INTO guidance_self_assessment (id, person_id, version, completed_at, saved_at,"
                + " answers, scores) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")
        .params(
            id,
            person.value(),
            answers.version().name(),
            java.sql.Timestamp.from(answers.completedAt()),
            java.sql.Timestamp.from(clock.instant()),
            json.writeValueAsString(answers.values()),
            json.writeValueAsString(scores))
        .update();
    return id;
  }

  /** The person's saved self-assessments, oldest first. */
  @Transactional(readOnly = true)
  public List<Saved> history(PersonId person) {
    return jdbc.sql(
            "SELECT id, version, completed_at, answers::text AS answers"
                + " FROM guidance_self_assessment WHERE person_id = ? ORDER BY completed_at, saved_order")
        .param(person.value())
        .query(this::saved)
        .list();
  }

  /** One of the person's own saved self-assessments; empty for anyone else's. */
  @Transactional(readOnly = true)
  public Optional<Saved> find(PersonId person, UUID id) {
    return history(person).stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * A client's saved self-assessments for a counsellor, through the client's live consent to {@link
   * SharedPart#SELF_ASSESSMENTS}; empty otherwise, and then nothing is read.
   */
  @Transactional
  public Optional<ClientHistory> forCounsellor(UUID grant, Counsellor c) {
    return consents
        .authorise(grant, c.person(), c.organisation(), SharedPart.SELF_ASSESSMENTS)
        .map(g -> new ClientHistory(g, history(g.client())));
  }

  /** The person's self-assessments for their data export. */
  List<Map<String, Object>> export(PersonId person) {
    return jdbc.sql(
            "SELECT id, version, completed_at::text AS completed_at, saved_at::text AS saved_at,"
                + " answers::text AS answers, scores::text AS scores"
                + " FROM guidance_self_assessment WHERE person_id = ? ORDER BY completed_at, saved_order")
        .param(person.value())
        .query(
            (rs, row) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("id", rs.getString("id"));
              m.put("version", rs.getString("version"));
              m.put("completedAt", rs.getString("completed_at"));
              m.put("savedAt", rs.getString("saved_at"));
              m.put("answers", json.readTree(rs.getString("answers")));
              m.put("areaScores", json.readTree(rs.getString("scores")));
              return m;
            })
        .list();
  }

  /** Deletes the person's self-assessments. */
  void forget(PersonId person) {
    jdbc.sql("DELETE FROM guidance_self_assessment WHERE person_id = ?")
        .param(person.value())
        .update();
  }

  private Saved saved(ResultSet rs, int row) throws SQLException {
    return new Saved(
        rs.getObject("id", UUID.class),
        new Answers(
            Version.valueOf(rs.getString("version")),
            json.readValue(rs.getString("answers"), ANSWERS),
            rs.getObject("completed_at", OffsetDateTime.class).toInstant()));
  }
}
