package fi.osaava.guidance.internal;

import fi.osaava.opportunities.ClientOutlook;
import fi.osaava.platform.Language;
import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileSkill;
import fi.osaava.profile.SharedPart;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The client's goal gap and opportunities in the counsellor's client view, from the opportunities
 * module's {@link ClientOutlook} (the service and explanations of the client's own pages), and only
 * from what the client shares:
 *
 * <ul>
 *   <li>the opportunities rest on the <em>skills</em>: without them there are none. The interest
 *       questionnaire's scores join when <em>self-assessments</em> are shared too. Liked skills and
 *       occupations and occupations recognised in the work history are not used: the consent gives
 *       the counsellor labels, not the concepts, so the ranking can differ from the client's own
 *       where the client has marked likes;
 *   <li>the goal is the goal of the client's newest saved learning plan, so it belongs to the
 *       <em>plans</em> part: the gap needs skills and plans, and reading the goal is checked and
 *       logged by {@link CounsellorConsents#authorise} like every other read.
 * </ul>
 */
@Service
public class ClientOutlooks {

  private final CounsellorConsents consents;
  private final ClientOutlook outlook;

  ClientOutlooks(CounsellorConsents consents, ClientOutlook outlook) {
    this.consents = consents;
    this.outlook = outlook;
  }

  /**
   * The caseload's goals: for each of {@code grants} whose client shares plans (where the goal
   * lives) and has saved one, the title of the goal of their newest plan, by consent id. Each read
   * is in the client's access log; clients without a live PLANS consent are absent.
   */
  public Map<UUID, String> goalTitles(Collection<CounsellorGrant> grants, Counsellor c) {
    Map<UUID, CounsellorGrant> live =
        consents.authoriseAll(
            grants.stream()
                .filter(g -> g.parts().contains(SharedPart.PLANS))
                .map(CounsellorGrant::id)
                .toList(),
            c.person(),
            c.organisation(),
            SharedPart.PLANS);
    Map<PersonId, ClientOutlook.Goal> goals =
        outlook.goalsOf(live.values().stream().map(CounsellorGrant::client).distinct().toList());
    Map<UUID, String> titles = new HashMap<>();
    live.forEach(
        (id, g) -> {
          ClientOutlook.Goal goal = goals.get(g.client());
          if (goal != null) {
            titles.put(id, goal.title());
          }
        });
    return titles;
  }

  /**
   * Model entries for the client view: {@code cards} and, when the goal is shared and set, {@code
   * gap}; {@code goalShared} tells whether the plans part (where the goal lives) is shared. Empty
   * when the skills were not read ({@code shared} is {@link GuidanceSummary#sharedParts}' result,
   * so the skills are not read, nor logged, twice).
   */
  public Map<String, Object> forClient(
      CounsellorGrant grant, Counsellor c, Map<String, Object> shared, Language language) {
    if (!(shared.get("skills") instanceof List<?> read)) {
      return Map.of();
    }
    List<ProfileSkill> skills = read.stream().map(ProfileSkill.class::cast).toList();
    Map<Character, Double> codes = new HashMap<>();
    if (shared.get("riasec") instanceof Map<?, ?> scores) {
      scores.forEach((k, v) -> codes.put((Character) k, (Double) v));
    }
    boolean goalShared = grant.parts().contains(SharedPart.PLANS);
    @Nullable String goal =
        goalShared
                && consents
                    .authorise(grant.id(), c.person(), c.organisation(), SharedPart.PLANS)
                    .isPresent()
            ? outlook.goalOf(grant.client()).map(ClientOutlook.Goal::id).orElse(null)
            : null;
    CompetenceSnapshot snapshot =
        new CompetenceSnapshot(grant.client(), skills, Set.of(), Set.of(), codes, Set.of());
    Map<String, Object> model = new HashMap<>(outlook.outlook(snapshot, goal, language));
    model.put("goalShared", goalShared);
    // With no skills and no interest scores the ranking rests on nothing but the occupations' own
    // weights: five arbitrary occupations, each "missing" every skill, would mislead the
    // counsellor.
    model.put("nothingToRankBy", skills.isEmpty() && codes.isEmpty());
    return model;
  }
}
