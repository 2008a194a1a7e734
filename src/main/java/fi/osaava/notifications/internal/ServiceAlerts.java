package fi.osaava.notifications.internal;

import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.ServiceSearches;
import fi.osaava.servicenetwork.ServicesChanged;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about services their saved service searches newly match. The searches are run by the
 * service directory's own search (the same analysis as {@code /services}), limited to the services
 * added or changed; a retired service tells nobody. Delivered through the event publication
 * registry like the offering alerts: one key per search and service, so a redelivered event or a
 * service changed again while it still matches adds nothing. The searches' webhook subscriptions
 * get a {@code servicenetwork.service.matched} delivery in the same transaction.
 */
@Component
class ServiceAlerts {

  private static final Logger log = LoggerFactory.getLogger(ServiceAlerts.class);

  private final ServiceSearches services;
  private final SavedSearches searches;
  private final AlertDelivery delivery;

  ServiceAlerts(ServiceSearches services, SavedSearches searches, AlertDelivery delivery) {
    this.services = services;
    this.searches = searches;
    this.delivery = delivery;
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
    AlertDelivery.Round round = delivery.round();
    int told = 0;
    for (Map.Entry<SavedSearches.SavedSearch, Set<UUID>> found :
        services.matching(saved, names.keySet()).entrySet()) {
      SavedSearches.SavedSearch search = found.getKey();
      for (UUID service : found.getValue()) {
        AlertDelivery.Item alert =
            new AlertDelivery.Item(
                Webhooks.SERVICE_MATCHED,
                service.toString(),
                names.getOrDefault(service, Map.of()),
                "/services/" + service,
                "notifications.alert.service.title");
        if (round.tell(search, alert, "service-search:" + search.id() + ":" + service)) {
          told++;
        }
      }
    }
    log.info("{} services added or changed: {} saved-search alerts", names.size(), told);
  }
}
