package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * A person's forum registrations, in their export and deleted with their account: each through
 * {@link Forums#unregister}, so that a place they held goes to the first in the waiting list.
 */
@Component
class ForumPersonalData implements PersonalDataHolder {

  private final ForumStore store;
  private final Forums forums;

  ForumPersonalData(ForumStore store, Forums forums) {
    this.store = store;
    this.forums = forums;
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
    store.eventsOf(person).forEach(event -> forums.unregister(event, person));
  }
}
