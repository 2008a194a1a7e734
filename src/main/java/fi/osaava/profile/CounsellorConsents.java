package fi.osaava.profile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Scoped, time-limited consents of a person to one guidance counsellor of one organisation, and the
 * only way to read a client's profile for guidance. Every read checks, in the same query, that the
 * consent is the counsellor's, of the counsellor's current organisation, not revoked, not past its
 * end and covers the part; it then writes the access to the person's audit log, which the person
 * sees ({@link #accessLog}). A revocation takes effect for the very next read.
 */
public interface CounsellorConsents {

  /** The longest a consent may last. */
  int MAX_MONTHS = 12;

  /**
   * The person consents: {@code counsellor} of {@code organisation} may read {@code parts} for
   * {@code months} months (1 to {@link #MAX_MONTHS}) from now.
   *
   * @throws IllegalArgumentException for no parts or months out of range
   */
  CounsellorGrant grant(
      PersonId client,
      PersonId counsellor,
      String organisation,
      String clientName,
      Set<SharedPart> parts,
      int months);

  /** The person revokes one of their consents, effective at once; unknown ids are not found. */
  void revoke(PersonId client, UUID grant);

  /** The person's consents, newest first, live or not. */
  List<CounsellorGrant> grantsOf(PersonId client);

  /** The live consents given to a counsellor in their organisation: their caseload. */
  List<CounsellorGrant> caseload(PersonId counsellor, String organisation);

  /**
   * The live consent {@code grant} to this counsellor covering {@code part}, recording the read in
   * the client's access log; empty otherwise (no such consent, another counsellor's or
   * organisation's, revoked, expired, or the part not shared: the caller cannot tell which).
   */
  Optional<CounsellorGrant> authorise(
      UUID grant, PersonId counsellor, String organisation, SharedPart part);

  /**
   * {@link #authorise} for many consents at once, for lists such as the caseload: one query checks
   * them all and each live one is recorded in its client's access log, as one read would be.
   *
   * @return the live consents among {@code grants} covering {@code part}, by id
   */
  Map<UUID, CounsellorGrant> authoriseAll(
      Collection<UUID> grants, PersonId counsellor, String organisation, SharedPart part);

  /** The client's skills, through {@link #authorise} for {@link SharedPart#SKILLS}. */
  Optional<List<ProfileSkill>> skills(UUID grant, PersonId counsellor, String organisation);

  /** The client's entries, through {@link #authorise} for {@link SharedPart#WORK_HISTORY}. */
  Optional<List<WorkHistoryEntry>> workHistory(
      UUID grant, PersonId counsellor, String organisation);

  /** The client's interests, through {@link #authorise} for {@link SharedPart#INTERESTS}. */
  Optional<SharedInterests> interests(UUID grant, PersonId counsellor, String organisation);

  /**
   * The client's interest-questionnaire scores by RIASEC letter (0 to 1; empty when unanswered),
   * through {@link #authorise} for {@link SharedPart#SELF_ASSESSMENTS}.
   */
  Optional<java.util.Map<Character, Double>> selfAssessment(
      UUID grant, PersonId counsellor, String organisation);

  /** The person's guidance access log, newest first. */
  List<AccessRecord> accessLog(PersonId client);
}
