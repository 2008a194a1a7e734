package fi.osaava.profile.internal;

import fi.osaava.profile.AnonymisedWorkMoves;
import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.ConsentPurpose;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.WorkMove;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where profiles are read for a purpose other than serving the person themself. Every
 * such read, single or bulk, goes through {@link #CONSENTED}: the person's newest decision for the
 * purpose must be a grant under the current text version. Nothing else in the code base reads
 * another person's profile rows; revoking a consent therefore stops the flow at once.
 */
@Component
public class ConsentGate implements AnonymisedWorkMoves {

  /**
   * The condition, on a person row aliased {@code p}, that their newest decision on {@code
   * :purpose} is a grant under {@code :textVersion}, the current text.
   */
  static final String CONSENTED =
      "EXISTS (SELECT 1 FROM (SELECT granted, text_version FROM profile_consent c"
          + " WHERE c.person_id = p.id AND c.purpose = :purpose ORDER BY c.id DESC LIMIT 1) newest"
          + " WHERE newest.granted AND newest.text_version = :textVersion)";

  /** Groups smaller than this are not shown in statistics, so nobody can be singled out. */
  public static final int MIN_GROUP = 5;

  private final JdbcClient jdbc;
  private final ProfileService profiles;
  private final AuditLog audit;

  ConsentGate(JdbcClient jdbc, ProfileService profiles, AuditLog audit) {
    this.jdbc = jdbc;
    this.profiles = profiles;
    this.audit = audit;
  }

  /** Whether the person has granted the purpose under its current text. */
  @Transactional(readOnly = true)
  public boolean allows(PersonId person, ConsentPurpose purpose) {
    return jdbc.sql("SELECT count(*) FROM profile_person p WHERE p.id = :person AND " + CONSENTED)
            .param("person", person.value())
            .param("purpose", purpose.name())
            .param("textVersion", Consents.TEXT_VERSIONS.get(purpose))
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * A person's profile for the guidance counsellor they shared it with; empty without that consent
   * (or when there is no such person, which the caller cannot tell apart on purpose).
   */
  @Transactional
  public Optional<CompetenceSnapshot> forCounsellor(PersonId person, String counsellor) {
    if (!allows(person, ConsentPurpose.GUIDANCE_COUNSELLOR)) {
      return Optional.empty();
    }
    audit.record(person, "counsellor:" + counsellor, "profile-read");
    return Optional.of(profiles.competence(person));
  }

  /** How many consenting people have a skill, for skills at least {@link #MIN_GROUP} have. */
  public record SkillCount(
      @Schema(example = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
          String skillUri,
      @Schema(example = "Python (tietokoneohjelmointi)") String label,
      @Schema(example = "38") long people) {}

  /** Anonymised skill statistics over the profiles whose owners allow it. */
  @Transactional(readOnly = true)
  public List<SkillCount> skillStatistics(int limit) {
    return jdbc.sql(
            "SELECT s.skill_uri, min(s.label), count(DISTINCT s.person_id) AS people"
                + " FROM profile_skill s JOIN profile_person p ON p.id = s.person_id"
                + " WHERE "
                + CONSENTED
                + " GROUP BY s.skill_uri HAVING count(DISTINCT s.person_id) >= :min"
                + " ORDER BY people DESC, s.skill_uri LIMIT :limit")
        .param("purpose", ConsentPurpose.ANONYMISED_STATISTICS.name())
        .param("textVersion", Consents.TEXT_VERSIONS.get(ConsentPurpose.ANONYMISED_STATISTICS))
        .param("min", MIN_GROUP)
        .param("limit", Math.clamp(limit, 1, 1000))
        .query((rs, row) -> new SkillCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  /**
   * How often each suggested skill was accepted and rejected, by people who allow their decisions
   * to be used to improve the engine: the signal for tuning which suggestions to show.
   */
  public record SuggestionFeedback(
      @Schema(example = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
          String skillUri,
      @Schema(example = "Python (tietokoneohjelmointi)") String label,
      @Schema(example = "41") long accepted,
      @Schema(example = "6") long rejected) {}

  @Transactional(readOnly = true)
  public List<SuggestionFeedback> suggestionFeedback(int limit) {
    return jdbc.sql(
            "SELECT g.skill_uri, min(g.label),"
                + " count(*) FILTER (WHERE g.decision = 'ACCEPTED'),"
                + " count(*) FILTER (WHERE g.decision = 'REJECTED')"
                + " FROM profile_suggestion g JOIN profile_person p ON p.id = g.person_id"
                + " WHERE g.decision <> 'PENDING' AND "
                + CONSENTED
                + " GROUP BY g.skill_uri HAVING count(DISTINCT g.person_id) >= :min"
                + " ORDER BY count(*) DESC, g.skill_uri LIMIT :limit")
        .param("purpose", ConsentPurpose.AI_IMPROVEMENT.name())
        .param("textVersion", Consents.TEXT_VERSIONS.get(ConsentPurpose.AI_IMPROVEMENT))
        .param("min", MIN_GROUP)
        .param("limit", Math.clamp(limit, 1, 1000))
        .query(
            (rs, row) ->
                new SuggestionFeedback(
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<WorkMove> consentedWorkMoves(LocalDate from, LocalDate to) {
    // Work entries with a place, in the order they started; a move is an entry whose previous one
    // was elsewhere. Only the person's latest move in the period is kept, so that every record is
    // one person and the counts built from them count people. The month alone leaves the query:
    // exact dates are not needed for a period and would help single someone out.
    return jdbc.sql(
            "SELECT from_code, to_code, occupation_uri, moved, synthetic FROM ("
                + " SELECT m.*, row_number() OVER (PARTITION BY m.person_id"
                + "   ORDER BY m.moved DESC, m.entry_id) AS latest FROM ("
                + "  SELECT e.person_id, e.id AS entry_id, p.synthetic,"
                + "   lag(e.municipality_code) OVER w AS from_code,"
                + "   e.municipality_code AS to_code, e.occupation_uri,"
                + "   date_trunc('month', e.start_date)::date AS moved"
                + "  FROM profile_experience e JOIN profile_person p ON p.id = e.person_id"
                + "  WHERE e.kind = 'WORK' AND e.municipality_code IS NOT NULL"
                + "   AND e.start_date IS NOT NULL AND "
                + CONSENTED
                + "  WINDOW w AS (PARTITION BY e.person_id ORDER BY e.start_date, e.id)) m"
                + " WHERE m.from_code IS NOT NULL AND m.from_code <> m.to_code"
                + "  AND m.moved BETWEEN date_trunc('month', CAST(:from AS date)) AND :to) x"
                + " WHERE latest = 1 ORDER BY random()")
        .param("purpose", ConsentPurpose.ANONYMISED_STATISTICS.name())
        .param("textVersion", Consents.TEXT_VERSIONS.get(ConsentPurpose.ANONYMISED_STATISTICS))
        .param("from", from)
        .param("to", to)
        .query(
            (rs, row) ->
                new WorkMove(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getBoolean(5)))
        .list();
  }
}
