package fi.osaava.notifications.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.education.SearchableOffering;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about new offerings their saved education searches match. Delivered through the
 * event publication registry: the inbox messages and their outbox rows are written in this
 * listener's transaction, as are the deliveries to the searches' webhook subscriptions, and a
 * redelivered event adds nothing (one key per search and offering).
 */
@Component
class OfferingAlerts {

  private static final Logger log = LoggerFactory.getLogger(OfferingAlerts.class);

  private final EducationApi education;
  private final SavedSearches searches;
  private final AlertDelivery delivery;

  OfferingAlerts(EducationApi education, SavedSearches searches, AlertDelivery delivery) {
    this.education = education;
    this.searches = searches;
    this.delivery = delivery;
  }

  @ApplicationModuleListener
  void offeringsPublished(OfferingsPublished event) {
    List<SearchableOffering> offerings = new ArrayList<>();
    for (OfferingId id : event.offerings()) {
      education.searchableOffering(id).ifPresent(offerings::add);
    }
    if (offerings.isEmpty()) {
      return;
    }
    AlertIndex<SavedSearches.SavedSearch> index = new AlertIndex<>();
    searches.forEach(SavedSearches.EDUCATION, s -> index.add(s, s.query()));
    AlertDelivery.Round round = delivery.round();
    int told = 0;
    for (SearchableOffering offering : offerings) {
      AlertDelivery.Item alert = AlertDelivery.Item.offering(offering, "notifications.alert.title");
      AlertIndex.Item item = AlertIndex.Item.of(offering.text(), offering.facets());
      for (SavedSearches.SavedSearch search : index.matches(item)) {
        if (round.tell(search, alert, "search:" + search.id() + ":" + offering.id())) {
          told++;
        }
      }
    }
    log.info("{} new offerings: {} saved-search alerts", offerings.size(), told);
  }
}
