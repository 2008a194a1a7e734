package fi.osaava.notifications.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.education.SearchableOffering;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.platform.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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
  private final Inbox inbox;
  private final MessageSource messages;
  private final Webhooks webhooks;
  private final NotificationsProperties properties;

  OfferingAlerts(
      EducationApi education,
      SavedSearches searches,
      Inbox inbox,
      MessageSource messages,
      Webhooks webhooks,
      NotificationsProperties properties) {
    this.education = education;
    this.searches = searches;
    this.inbox = inbox;
    this.messages = messages;
    this.webhooks = webhooks;
    this.properties = properties;
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
    Map<UUID, List<UUID>> subscriptions = webhooks.enabledBySearch();
    int told = 0;
    for (SearchableOffering offering : offerings) {
      AlertIndex.Item item = AlertIndex.Item.of(offering.text(), offering.facets());
      for (SavedSearches.SavedSearch search : index.matches(item)) {
        if (inbox.add(
            search.person(),
            search.id(),
            message(offering, search),
            "search:" + search.id() + ":" + offering.id())) {
          told++;
        }
        // The subscription's own key makes a repeat a no-op, as the inbox's does.
        for (UUID subscription : subscriptions.getOrDefault(search.id(), List.of())) {
          webhooks.enqueueOfferingMatch(
              subscription,
              search.id(),
              offering.id().toString(),
              offering.titles(),
              properties.baseUrl() + "/education/offerings/" + offering.id());
        }
      }
    }
    log.info("{} new offerings: {} saved-search alerts", offerings.size(), told);
  }

  private NotificationMessage message(
      SearchableOffering offering, SavedSearches.SavedSearch search) {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new HashMap<>();
    for (Language language : Language.UI) {
      String title = NotificationMessage.pickText(offering.titles(), language);
      Locale locale = Locale.forLanguageTag(language.code());
      titles.put(
          language, messages.getMessage("notifications.alert.title", new Object[] {title}, locale));
      texts.put(
          language,
          messages.getMessage(
              "notifications.alert.text", new Object[] {describe(search, locale)}, locale));
    }
    return new NotificationMessage(titles, texts, "/education/offerings/" + offering.id());
  }

  /**
   * The saved search in words: what was typed, or that it has facet choices only; a service search
   * says so, as the list holds both kinds.
   */
  String describe(SavedSearches.SavedSearch search, Locale locale) {
    boolean service = SavedSearches.SERVICE.equals(search.kind());
    String words = search.words().isBlank() ? "" : "\u201c" + search.words() + "\u201d";
    int facets = search.facets().values().stream().mapToInt(java.util.Set::size).sum();
    String described;
    if (facets == 0) {
      described =
          words.isEmpty()
              ? messages.getMessage(
                  service
                      ? "notifications.search.everything.services"
                      : "notifications.search.everything",
                  null,
                  locale)
              : words;
    } else {
      String choices =
          messages.getMessage("notifications.search.facets", new Object[] {facets}, locale);
      described = words.isEmpty() ? choices : words + ", " + choices;
    }
    return service && !(facets == 0 && words.isEmpty())
        ? messages.getMessage("notifications.search.services", new Object[] {described}, locale)
        : described;
  }
}
