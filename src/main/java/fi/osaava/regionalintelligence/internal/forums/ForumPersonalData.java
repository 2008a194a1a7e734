package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** A person's forum registrations, in their export and deleted with their account. */
@Component
class ForumPersonalData implements PersonalDataHolder {

  private final ForumStore store;

  ForumPersonalData(ForumStore store) {
    this.store = store;
  }

  @Override
  public String section() {
    return "regionalForumRegistrations";
  }

  @Override
  public Object export(PersonId person) {
    return store.registrationsOf(person);
  }

  @Override
  public void delete(PersonId person) {
    store.deleteRegistrationsOf(person);
  }
}
