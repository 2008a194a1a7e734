package fi.osaava.notifications.internal;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.ServiceSearches;
import fi.osaava.servicenetwork.ServicesChanged;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about services their saved service searches newly match. The searches are run by the
 * service directory's own search (the same analysis as {@code /services}), limited to the services
 * added or changed; a retired service tells nobody. Delivered through the event publication
 * registry like the offering alerts: one key per search and service, so a redelivered event or a
 * service changed again while it still matches adds nothing.
 */
@Component
class ServiceAlerts {

  private static final Logger log = LoggerFactory.getLogger(ServiceAlerts.class);

  private final ServiceSearches services;
  private final SavedSearches searches;
  private final Inbox inbox;
  private final MessageSource messages;
  private final OfferingAlerts describer;

  ServiceAlerts(
      ServiceSearches services,
      SavedSearches searches,
      Inbox inbox,
      MessageSource messages,
      OfferingAlerts describer) {
    this.services = services;
    this.searches = searches;
    this.inbox = inbox;
    this.messages = messages;
    this.describer = describer;
  }

  @ApplicationModuleListener
  void servicesChanged(ServicesChanged event) {
    Map<UUID, Map<Language, String>> names = new LinkedHashMap<>();
    for (ServicesChanged.Change change : event.changes()) {
      if (change.kind() != ServicesChanged.Kind.RETIRED) {
        names.put(change.service(), change.names());
      }
    }
    if (names.isEmpty()) {
      return;
    }
    Map<SavedSearches.SavedSearch, ServiceSearches.Criteria> saved = new HashMap<>();
    searches.forEach(
        SavedSearches.SERVICE,
        s -> saved.put(s, new ServiceSearches.Criteria(s.words(), s.facets())));
    int told = 0;
    for (Map.Entry<SavedSearches.SavedSearch, Set<UUID>> found :
        services.matching(saved, names.keySet()).entrySet()) {
      SavedSearches.SavedSearch search = found.getKey();
      for (UUID service : found.getValue()) {
        if (inbox.add(
            search.person(),
            search.id(),
            message(service, names.getOrDefault(service, Map.of()), search),
            "service-search:" + search.id() + ":" + service)) {
          told++;
        }
      }
    }
    log.info("{} services added or changed: {} saved-search alerts", names.size(), told);
  }

  private NotificationMessage message(
      UUID service, Map<Language, String> names, SavedSearches.SavedSearch search) {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new HashMap<>();
    for (Language language : Language.UI) {
      String name = NotificationMessage.pickText(names, language);
      Locale locale = Locale.forLanguageTag(language.code());
      titles.put(
          language,
          messages.getMessage("notifications.alert.service.title", new Object[] {name}, locale));
      texts.put(
          language,
          messages.getMessage(
              "notifications.alert.text",
              new Object[] {describer.describe(search, locale)},
              locale));
    }
    return new NotificationMessage(titles, texts, "/services/" + service);
  }
}
