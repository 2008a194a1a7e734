package fi.osaava.notifications.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.web.ApiClient;

/**
 * Who owns a saved search and its webhook subscriptions: a signed-in person (on the pages), or an
 * organisation's API client (through {@code /api/v1/webhooks}). Every read and change of either
 * table goes through the owner's column, so one owner never finds another's rows.
 */
public sealed interface Owner {

  /** The owning column of {@code nt_saved_search} and {@code nt_webhook}. */
  String column();

  /** The value of {@link #column()}. */
  Object value();

  static Owner of(PersonId person) {
    return new Person(person);
  }

  static Owner of(ApiClient client) {
    return new Client(client);
  }

  /** A signed-in person: the inbox, mail and pages are theirs. */
  record Person(PersonId id) implements Owner {
    @Override
    public String column() {
      return "person_id";
    }

    @Override
    public Object value() {
      return id.value();
    }
  }

  /** An API client: only the webhook deliveries, no inbox or mail. */
  record Client(ApiClient client) implements Owner {
    @Override
    public String column() {
      return "client_id";
    }

    @Override
    public Object value() {
      return client.id();
    }
  }
}
