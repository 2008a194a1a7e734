package fi.osaava.recommendations.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's chosen situation and municipality and their hand-overs (consents, summaries not yet
 * wiped, how often each was opened) in their export, and gone with their account: deleting the
 * hand-overs makes every link they gave out unknown (404).
 */
@Component
class RecommendationsPersonalData implements PersonalDataHolder {

  private final JdbcClient jdbc;
  private final Handovers handovers;

  RecommendationsPersonalData(JdbcClient jdbc, Handovers handovers) {
    this.jdbc = jdbc;
    this.handovers = handovers;
  }

  @Override
  public String section() {
    return "recommendations";
  }

  @Override
  @Transactional(readOnly = true)
  public Object export(PersonId person) {
    Map<String, Object> export = new LinkedHashMap<>();
    export.put(
        "situation",
        jdbc.sql(
                "select life_situation, municipality_code, updated_at from rc_preference"
                    + " where person_id = ?")
            .param(person.value())
            .query()
            .listOfRows());
    export.put("handovers", handovers.export(person));
    return export;
  }

  @Override
  @Transactional
  public void delete(PersonId person) {
    jdbc.sql("delete from rc_preference where person_id = ?").param(person.value()).update();
    handovers.delete(person);
  }
}
