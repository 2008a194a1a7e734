package fi.osaava.notifications.internal;

import fi.osaava.education.SearchableOffering;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.platform.Language;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells a saved search's owner of one new item, the same way for every kind: a message in the inbox
 * (with its outbox row when the person takes mail) under the kind's idempotency key, and a delivery
 * to each enabled webhook subscription of the search, all in the caller's transaction.
 */
@Component
class AlertDelivery {

  private final Inbox inbox;
  private final Webhooks webhooks;
  private final SearchDescriptions descriptions;
  private final NotificationsProperties properties;

  AlertDelivery(
      Inbox inbox,
      Webhooks webhooks,
      SearchDescriptions descriptions,
      NotificationsProperties properties) {
    this.inbox = inbox;
    this.webhooks = webhooks;
    this.descriptions = descriptions;
    this.properties = properties;
  }

  /**
   * A new item.
   *
   * @param type its webhook event type
   * @param id its id
   * @param titles its title by language
   * @param link its page in Osaava (a path)
   * @param titleKey the message key of the alert's title, taking the item's title
   */
  record Item(
      Webhooks.MatchedType type,
      String id,
      Map<Language, String> titles,
      String link,
      String titleKey) {

    /** A new or changed offering, linking to its page. */
    static Item offering(SearchableOffering offering, String titleKey) {
      return new Item(
          Webhooks.OFFERING_MATCHED,
          offering.id().toString(),
          offering.titles(),
          "/education/offerings/" + offering.id(),
          titleKey);
    }
  }

  /** One listener call's alerts, with the webhook subscriptions read once for all of them. */
  final class Round {

    private final Map<UUID, List<UUID>> subscriptions = webhooks.enabledBySearch();

    /**
     * Tells the search's owner of the item, once: a repeat of the same inbox key adds nothing, and
     * a repeat of the same subscription and item queues nothing.
     *
     * @param key the inbox's idempotency key
     * @return whether the inbox message is new
     */
    boolean tell(SavedSearches.SavedSearch search, Item item, String key) {
      return tell(
          search,
          item,
          key,
          descriptions.alert(item.titleKey(), item.titles(), search, item.link()));
    }

    /**
     * {@link #tell(SavedSearches.SavedSearch, Item, String)} with a message of the caller's, such
     * as one that says why the item concerns the person.
     */
    boolean tell(
        SavedSearches.SavedSearch search, Item item, String key, NotificationMessage message) {
      UUID person = search.person();
      // An API client's search has no inbox or mail: its webhook subscriptions are all it has.
      boolean added = person != null && inbox.add(person, search.id(), message, key);
      for (UUID subscription : subscriptions.getOrDefault(search.id(), List.of())) {
        webhooks.enqueueMatch(
            subscription,
            search.id(),
            item.type(),
            item.id(),
            item.titles(),
            properties.baseUrl() + item.link());
      }
      return added;
    }
  }

  Round round() {
    return new Round();
  }
}
