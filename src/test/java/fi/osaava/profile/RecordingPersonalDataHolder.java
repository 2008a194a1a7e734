package fi.osaava.profile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;

/**
 * Personal data held by a pretend other module, in the shared test context, so tests can prove that
 * the export includes every {@link PersonalDataHolder} and account deletion deletes theirs.
 */
@TestComponent
public class RecordingPersonalDataHolder implements PersonalDataHolder {

  private final Map<PersonId, List<String>> notes = new ConcurrentHashMap<>();

  public void put(PersonId person, String note) {
    notes.put(person, List.of(note));
  }

  public boolean holds(PersonId person) {
    return notes.containsKey(person);
  }

  @Override
  public String section() {
    return "testNotes";
  }

  @Override
  public Object export(PersonId person) {
    return notes.getOrDefault(person, List.of());
  }

  @Override
  public void delete(PersonId person) {
    notes.remove(person);
  }
}
