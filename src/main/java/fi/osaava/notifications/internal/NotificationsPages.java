package fi.osaava.notifications.internal;

import fi.osaava.notifications.internal.Recipients.Frequency;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the module's pages read and change, always for one signed-in person. */
@Service
public class NotificationsPages {

  /** A person's e-mail choice as the form shows it. */
  public record Settings(@Nullable String email, Frequency frequency) {}

  /** A saved search as the list shows it. */
  public record SearchView(
      UUID id, String kind, String description, String href, java.time.Instant created) {}

  /** An inbox message as the inbox shows it. */
  public record EntryView(
      UUID id,
      String title,
      String text,
      @Nullable String link,
      java.time.Instant created,
      boolean read) {}

  private final SavedSearches searches;
  private final Recipients recipients;
  private final Inbox inbox;
  private final SearchDescriptions descriptions;
  private final Webhooks webhooks;
  private final WebhookTargets targets;
  private final WebhookOutbox webhookOutbox;

  NotificationsPages(
      SavedSearches searches,
      Recipients recipients,
      Inbox inbox,
      SearchDescriptions descriptions,
      Webhooks webhooks,
      WebhookTargets targets,
      WebhookOutbox webhookOutbox) {
    this.searches = searches;
    this.recipients = recipients;
    this.inbox = inbox;
    this.descriptions = descriptions;
    this.webhooks = webhooks;
    this.targets = targets;
    this.webhookOutbox = webhookOutbox;
  }

  /** A webhook subscription as the list shows it. */
  public record WebhookView(
      UUID id, String url, String search, boolean enabled, java.time.Instant created) {}

  public List<WebhookView> webhooks(PersonId person, Locale locale) {
    return webhooks.of(Owner.of(person)).stream()
        .map(
            w ->
                new WebhookView(
                    w.id(),
                    w.url(),
                    searchDescription(person, w.savedSearch(), locale),
                    w.enabled(),
                    w.created()))
        .toList();
  }

  public boolean ownsSearch(PersonId person, UUID search) {
    return searches.of(Owner.of(person)).stream().anyMatch(s -> s.id().equals(search));
  }

  public String searchDescription(PersonId person, UUID search, Locale locale) {
    return searches.of(Owner.of(person)).stream()
        .filter(s -> s.id().equals(search))
        .findFirst()
        .map(s -> descriptions.describe(s, locale))
        .orElse("");
  }

  /** Why a webhook URL is refused (a message key's last part), if it is. */
  public java.util.Optional<String> refusal(String url) {
    try {
      targets.check(url);
      return java.util.Optional.empty();
    } catch (WebhookTargets.RefusedTarget e) {
      return java.util.Optional.of(e.refusal().name());
    }
  }

  public Webhooks.Secret createWebhook(PersonId person, UUID search, String url) {
    return webhooks.create(Owner.of(person), search, url);
  }

  /**
   * An API client's subscription and the search it follows, made together (a client has no search
   * page to save one from). Refusals name the field: the URL as the pages refuse it, a goal (whose
   * gap is a person's profile against the occupation), the limits per owner.
   */
  @Transactional
  public Webhooks.Secret createClientWebhook(Owner owner, SearchToSave search, String url) {
    refusal(url)
        .ifPresent(
            why -> {
              throw new InvalidInputException(
                  "request body", 0, "url", "refused (" + why.toLowerCase(Locale.ROOT) + ")");
            });
    if (SavedSearches.GOAL.equals(search.kind())) {
      throw new InvalidInputException(
          "request body",
          0,
          "search.kind",
          "a goal follows a person's own skills: education, service or opportunity");
    }
    checkJobAdFacets(search.kind(), search.words(), search.facets());
    if (webhooks.of(owner).size() >= Webhooks.MAX_PER_PERSON) {
      throw new InvalidInputException(
          "request body", 0, "url", "at most " + Webhooks.MAX_PER_PERSON + " subscriptions");
    }
    UUID saved = searches.save(owner, search.kind(), search.words(), search.facets());
    return webhooks.create(owner, saved, url);
  }

  /** One of the owner's saved searches (a client's is the one its subscription follows). */
  public java.util.Optional<SavedSearches.SavedSearch> search(Owner owner, UUID id) {
    return searches.of(owner, id);
  }

  public List<Webhooks.Subscription> webhooks(Owner owner) {
    return webhooks.of(owner);
  }

  public java.util.Optional<Webhooks.Subscription> webhook(Owner owner, UUID id) {
    return webhooks.of(owner, id);
  }

  public List<Webhooks.Delivery> deliveries(Owner owner, UUID id, int limit) {
    return webhooks.log(owner, id, limit);
  }

  /** Queues a test event and tries it at once, so the log shows how it went. */
  public boolean testWebhook(Owner owner, UUID id) {
    java.util.Optional<UUID> delivery = webhooks.enqueueTest(owner, id);
    delivery.ifPresent(webhookOutbox::attemptNow);
    return delivery.isPresent();
  }

  public java.util.Optional<Webhooks.Secret> rotateWebhook(Owner owner, UUID id) {
    return webhooks.rotate(owner, id);
  }

  public boolean enableWebhook(Owner owner, UUID id) {
    return webhooks.enable(owner, id);
  }

  /**
   * Deletes one of the owner's subscriptions. A person's saved search stays on their page; a
   * client's search existed only for its subscriptions, so it goes with the last of them.
   */
  @Transactional
  public boolean deleteWebhook(Owner owner, UUID id) {
    java.util.Optional<Webhooks.Subscription> subscription = webhooks.of(owner, id);
    if (subscription.isEmpty() || !webhooks.delete(owner, id)) {
      return false;
    }
    if (owner instanceof Owner.Client
        && webhooks.of(owner).stream()
            .noneMatch(w -> w.savedSearch().equals(subscription.get().savedSearch()))) {
      searches.delete(owner, subscription.get().savedSearch());
    }
    return true;
  }

  public Settings settings(PersonId person) {
    return recipients
        .of(person.value())
        .map(r -> new Settings(r.email(), r.frequency()))
        .orElse(new Settings(null, Frequency.OFF));
  }

  @Transactional
  public void saveSettings(
      PersonId person, @Nullable String email, Frequency frequency, Language language) {
    recipients.save(person, email, frequency, language);
  }

  public List<SearchView> searches(PersonId person, Locale locale) {
    return searches.of(Owner.of(person)).stream()
        .map(
            s ->
                new SearchView(
                    s.id(), s.kind(), descriptions.describe(s, locale), s.href(), s.created()))
        .toList();
  }

  @Transactional
  public UUID save(
      PersonId person,
      String kind,
      String words,
      Map<String, Set<String>> facets,
      Language language) {
    checkJobAdFacets(kind, words, facets);
    if (searches.count(Owner.of(person)) >= SavedSearches.MAX_PER_PERSON) {
      throw new InvalidInputException(
          "form", 0, "q", "at most " + SavedSearches.MAX_PER_PERSON + " saved searches");
    }
    if (recipients.of(person.value()).isEmpty()) {
      // The inbox works from the first saved search; mail waits until the person gives an address.
      recipients.save(person, null, Frequency.OFF, language);
    }
    return searches.save(Owner.of(person), kind, words, facets);
  }

  /**
   * Refuses what an opportunity filter or a goal cannot hold, naming the field: words (job ads are
   * matched by their facets only), a region that is no two-digit region code, a remote value other
   * than {@code true}, a language other than fi, sv or en, and a goal that is not one ESCO
   * occupation.
   */
  private void checkJobAdFacets(String kind, String words, Map<String, Set<String>> facets) {
    if (!SavedSearches.OPPORTUNITY.equals(kind) && !SavedSearches.GOAL.equals(kind)) {
      return;
    }
    if (!words.isBlank()) {
      throw new InvalidInputException("form", 0, "q", "an opportunity filter or goal has no words");
    }
    for (String region : facets.getOrDefault("region", Set.of())) {
      if (!region.matches("\\d{2}")) {
        throw new InvalidInputException("form", 0, "region", "a two-digit region code");
      }
    }
    if (!Set.of("true").containsAll(facets.getOrDefault("remote", Set.of()))) {
      throw new InvalidInputException("form", 0, "remote", "true or nothing");
    }
    if (!Set.of("fi", "sv", "en").containsAll(facets.getOrDefault("language", Set.of()))) {
      throw new InvalidInputException("form", 0, "language", "fi, sv or en");
    }
    if (SavedSearches.GOAL.equals(kind)) {
      Set<String> goal = facets.getOrDefault(SavedSearches.GOAL, Set.of());
      if (goal.size() != 1
          || descriptions.occupationLabel(goal.iterator().next(), Language.EN).isEmpty()) {
        throw new InvalidInputException(
            "form", 0, SavedSearches.GOAL, "the UUID of one ESCO occupation");
      }
    }
  }

  @Transactional
  public boolean delete(PersonId person, UUID id) {
    return searches.delete(Owner.of(person), id);
  }

  public List<EntryView> inbox(PersonId person, Language language) {
    return inbox.of(person, language).stream()
        .map(e -> new EntryView(e.id(), e.title(), e.text(), e.link(), e.created(), e.read()))
        .toList();
  }

  public long unread(PersonId person) {
    return inbox.unread(person);
  }

  @Transactional
  public void markAllRead(PersonId person) {
    inbox.markAllRead(person);
  }

  public boolean knownToken(String token) {
    return recipients.byToken(token).isPresent();
  }

  @Transactional
  public boolean unsubscribe(String token) {
    return recipients.unsubscribe(token);
  }
}
