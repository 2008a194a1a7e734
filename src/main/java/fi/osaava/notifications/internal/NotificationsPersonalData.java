package fi.osaava.notifications.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's saved searches, e-mail choice, inbox and webhook subscriptions in their profile
 * export, and deleted with the profile (in its transaction).
 */
@Component
class NotificationsPersonalData implements PersonalDataHolder {

  private final JdbcClient jdbc;
  private final SavedSearches searches;
  private final Recipients recipients;
  private final Inbox inbox;
  private final Webhooks webhooks;

  NotificationsPersonalData(
      JdbcClient jdbc,
      SavedSearches searches,
      Recipients recipients,
      Inbox inbox,
      Webhooks webhooks) {
    this.jdbc = jdbc;
    this.searches = searches;
    this.recipients = recipients;
    this.inbox = inbox;
    this.webhooks = webhooks;
  }

  @Override
  public String section() {
    return "notifications";
  }

  @Override
  public Object export(PersonId person) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(
        "savedSearches",
        searches.of(Owner.of(person)).stream()
            .map(
                s ->
                    Map.of(
                        "kind", s.kind(),
                        "words", s.words(),
                        "facets", s.facets(),
                        "created", s.created().toString()))
            .toList());
    recipients
        .of(person.value())
        .ifPresent(
            r -> {
              Map<String, Object> mail = new LinkedHashMap<>();
              mail.put("email", r.email() == null ? "" : r.email());
              mail.put("frequency", r.frequency().name());
              mail.put("language", r.language().code());
              data.put("email", mail);
            });
    data.put(
        "inbox",
        inbox.of(person, Language.FI).stream()
            .map(
                e ->
                    Map.of("title", e.title(), "text", e.text(), "created", e.created().toString()))
            .toList());
    // The subscriptions without their secrets, which are credentials, not personal data.
    data.put(
        "webhooks",
        webhooks.of(Owner.of(person)).stream()
            .map(
                w ->
                    Map.of(
                        "url", w.url(),
                        "savedSearch", w.savedSearch().toString(),
                        "enabled", w.enabled(),
                        "created", w.created().toString()))
            .toList());
    return data;
  }

  @Override
  public void delete(PersonId person) {
    jdbc.sql("delete from nt_webhook where person_id = ?").param(person.value()).update();
    jdbc.sql("delete from nt_outbox where person_id = ?").param(person.value()).update();
    jdbc.sql("delete from nt_inbox where person_id = ?").param(person.value()).update();
    jdbc.sql("delete from nt_saved_search where person_id = ?").param(person.value()).update();
    jdbc.sql("delete from nt_recipient where person_id = ?").param(person.value()).update();
  }
}
