package fi.osaava.profile.internal;

import fi.osaava.profile.PersonId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who accessed whose personal data and how. A row holds only the random person UUID, the actor
 * ({@code self}, {@code counsellor:<uuid>}, {@code statistics}, {@code system}) and the action;
 * never a name, claim or text, so the log itself is not a second copy of the profile.
 */
@Component
public class AuditLog {

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What {@link #record} does for each person and the action at the same position, all by {@code
   * actor}, in one statement.
   */
  public void recordAll(String actor, List<PersonId> people, List<String> actions) {
    if (people.size() != actions.size()) {
      throw new IllegalArgumentException(
          people.size() + " people for " + actions.size() + " actions");
    }
    if (people.isEmpty()) {
      return;
    }
    jdbc.sql(
            "INSERT INTO profile_audit (person_id, actor, action)"
                + " SELECT p, ?, a FROM unnest(?::uuid[], ?::text[]) AS t(p, a)")
        .param(actor)
        .param(people.stream().map(PersonId::value).toArray(UUID[]::new))
        .param(actions.toArray(String[]::new))
        .update();
  }

  public void record(@Nullable PersonId person, String actor, String action) {
    jdbc.sql("INSERT INTO profile_audit (person_id, actor, action) VALUES (?, ?, ?)")
        // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
        .param(person == null ? null : person.value())
        .param(actor)
        .param(action)
        .update();
  }

  /** Rows about one person, newest first, as {@code at actor action}, for the export. */
  java.util.List<java.util.Map<String, Object>> of(PersonId person) {
    return jdbc.sql(
            "SELECT at, actor, action FROM profile_audit WHERE person_id = ? ORDER BY id DESC")
        .param(person.value())
        .query()
        .listOfRows();
  }

  long count(PersonId person, String action) {
    return jdbc.sql("SELECT count(*) FROM profile_audit WHERE person_id = ? AND action = ?")
        .params(person.value(), action)
        .query(Long.class)
        .single();
  }
}
