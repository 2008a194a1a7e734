package fi.osaava.opportunities.internal;

import fi.osaava.opportunities.ClientOutlook;
import fi.osaava.opportunities.internal.OpportunityViews.PathStep;
import fi.osaava.opportunities.internal.OpportunityViews.SkillRef;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import fi.osaava.profile.ProfileApi;
import fi.osaava.taxonomy.ConceptUri;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's saved learning plans. Completing a step adds the skills its offering teaches to the
 * profile; the plans are part of the person's data export and are deleted with the profile.
 */
@Service
public class PlanStore implements PersonalDataHolder {

  private final JdbcClient jdbc;
  private final ProfileApi profile;

  PlanStore(JdbcClient jdbc, ProfileApi profile) {
    this.jdbc = jdbc;
    this.profile = profile;
  }

  /** A step of a plan: one offering, the gap skills it covers, and when it was done. */
  public record Step(
      int position,
      String offeringId,
      String title,
      List<String> skills,
      @Nullable BigDecimal credits,
      @Nullable Integer months,
      @Nullable Instant doneAt) {}

  /** A saved plan with its steps in order. */
  public record Plan(
      UUID id,
      String goalKind,
      String goalId,
      String goalTitle,
      Instant createdAt,
      List<Step> steps) {

    public long done() {
      return steps.stream().filter(s -> s.doneAt() != null).count();
    }
  }

  @Transactional
  public UUID save(
      PersonId person, String goalKind, String goalId, String goalTitle, List<PathStep> steps) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into opportunities_plan (id, person_id, goal_kind, goal_id, goal_title)"
                + " values (?, ?, ?, ?, ?)")
        .params(id, person.value(), goalKind, goalId, goalTitle)
        .update();
    for (int i = 0; i < steps.size(); i++) {
      PathStep step = steps.get(i);
      String[] skills = step.covers().stream().map(SkillRef::uri).toArray(String[]::new);
      // Bound one by one: param takes a null (unknown extent or duration), params is typed as not.
      jdbc.sql(
              "insert into opportunities_plan_step (plan_id, position, offering_id, title,"
                  + " skills, credits, months) values (?, ?, ?, ?, ?, ?, ?)")
          .param(id)
          .param(i)
          .param(UUID.fromString(step.offeringId()))
          .param(step.title())
          .param(new SqlArrayValue("text", (Object[]) skills))
          .param(step.credits())
          .param(step.months())
          .update();
    }
    return id;
  }

  /**
   * The goal of each person's newest plan (the first of {@link #plans}' order), for people who have
   * one, in one query.
   */
  @Transactional(readOnly = true)
  public Map<PersonId, ClientOutlook.Goal> newestGoals(Collection<PersonId> people) {
    Map<PersonId, ClientOutlook.Goal> goals = new LinkedHashMap<>();
    if (people.isEmpty()) {
      return goals;
    }
    jdbc.sql(
            "select distinct on (person_id) person_id, goal_id, goal_title from opportunities_plan"
                + " where person_id = any (?) order by person_id, created_at desc, id")
        .param(people.stream().map(PersonId::value).toArray(UUID[]::new))
        .query(
            rs -> {
              goals.put(
                  new PersonId(rs.getObject("person_id", UUID.class)),
                  new ClientOutlook.Goal(rs.getString("goal_id"), rs.getString("goal_title")));
            });
    return goals;
  }

  @Transactional(readOnly = true)
  public List<Plan> plans(PersonId person) {
    Map<UUID, Plan> plans = new LinkedHashMap<>();
    jdbc.sql("select * from opportunities_plan where person_id = ? order by created_at desc, id")
        .param(person.value())
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              plans.put(
                  id,
                  new Plan(
                      id,
                      rs.getString("goal_kind"),
                      rs.getString("goal_id"),
                      rs.getString("goal_title"),
                      rs.getTimestamp("created_at").toInstant(),
                      new ArrayList<>()));
            });
    jdbc.sql(
            "select s.* from opportunities_plan_step s join opportunities_plan p on p.id = s.plan_id"
                + " where p.person_id = ? order by s.plan_id, s.position")
        .param(person.value())
        .query(
            rs -> {
              // Each query reads its own snapshot: a plan saved between the two has steps here
              // but no entry above, and is left for the next read.
              Plan plan = plans.get(rs.getObject("plan_id", UUID.class));
              if (plan != null) {
                plan.steps().add(step(rs));
              }
            });
    return plans.values().stream()
        .map(
            p ->
                new Plan(
                    p.id(),
                    p.goalKind(),
                    p.goalId(),
                    p.goalTitle(),
                    p.createdAt(),
                    List.copyOf(p.steps())))
        .toList();
  }

  private static Step step(ResultSet rs) throws SQLException {
    Array skills = rs.getArray("skills");
    Timestamp done = rs.getTimestamp("done_at");
    return new Step(
        rs.getInt("position"),
        rs.getObject("offering_id", UUID.class).toString(),
        rs.getString("title"),
        Arrays.asList((String[]) skills.getArray()),
        rs.getBigDecimal("credits"),
        (Integer) rs.getObject("months"),
        done == null ? null : done.toInstant());
  }

  /**
   * Marks a step done and adds its skills to the profile; marking a done step again changes
   * nothing.
   *
   * @throws NotFoundException when the person has no such plan or step
   */
  @Transactional
  public Step markDone(PersonId person, UUID plan, int position) {
    List<Step> found =
        jdbc.sql(
                "select s.* from opportunities_plan_step s join opportunities_plan p on p.id ="
                    + " s.plan_id where p.person_id = ? and s.plan_id = ? and s.position = ?"
                    + " for update of s")
            .params(person.value(), plan, position)
            .query((rs, i) -> step(rs))
            .list();
    if (found.isEmpty()) {
      throw new NotFoundException("No step " + position + " in plan " + plan);
    }
    Step step = found.getFirst();
    if (step.doneAt() != null) {
      return step;
    }
    jdbc.sql(
            "update opportunities_plan_step set done_at = now() where plan_id = ? and position = ?")
        .params(plan, position)
        .update();
    profile.recordCompletedLearning(
        person,
        "Learning plan step: " + step.title() + " (offering " + step.offeringId() + ")",
        step.skills().stream().map(ConceptUri::of).toList());
    return step;
  }

  @Override
  public String section() {
    return "learningPlans";
  }

  @Override
  public Object export(PersonId person) {
    return plans(person);
  }

  @Override
  @Transactional
  public void delete(PersonId person) {
    jdbc.sql("delete from opportunities_plan where person_id = ?").param(person.value()).update();
  }
}
