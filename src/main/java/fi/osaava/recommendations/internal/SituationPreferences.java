package fi.osaava.recommendations.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.servicenetwork.LifeSituation;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The life situation and municipality a person chose for their recommendations. The profile holds
 * neither (its only municipality is that of a work entry, which is where a job was, not where the
 * person lives and looks for help), so this module remembers them, and exports and deletes them
 * with the profile ({@link RecommendationsPersonalData}).
 */
@Component
public class SituationPreferences {

  /** What the person chose. */
  public record Preference(LifeSituation situation, @Nullable String municipalityCode) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  SituationPreferences(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Preference> find(PersonId person) {
    return jdbc.sql(
            "select life_situation, municipality_code from rc_preference where person_id = ?")
        .param(person.value())
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .optional()
        .flatMap(
            row ->
                Arrays.stream(LifeSituation.values())
                    .filter(s -> s.name().equals(row[0]))
                    .findFirst()
                    .map(s -> new Preference(s, row[1])));
  }

  public void save(PersonId person, Preference preference) {
    jdbc.sql(
            "insert into rc_preference (person_id, life_situation, municipality_code, updated_at)"
                + " values (?, ?, ?, ?) on conflict (person_id) do update set"
                + " life_situation = excluded.life_situation,"
                + " municipality_code = excluded.municipality_code,"
                + " updated_at = excluded.updated_at")
        .param(person.value())
        .param(preference.situation().name())
        .param(preference.municipalityCode())
        .param(java.sql.Timestamp.from(clock.instant()))
        .update();
  }
}
