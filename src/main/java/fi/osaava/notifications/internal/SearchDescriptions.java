package fi.osaava.notifications.internal;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A saved search in words, for its list, its webhook page and the alerts it causes; and the alert
 * message every kind sends (a title naming the new item, a text naming the person's own search).
 */
@Component
class SearchDescriptions {

  private final MessageSource messages;
  private final TaxonomyApi taxonomy;

  SearchDescriptions(MessageSource messages, TaxonomyApi taxonomy) {
    this.messages = messages;
    this.taxonomy = taxonomy;
  }

  /**
   * The alert for one new item in every interface language.
   *
   * @param titleKey the message key of the title, taking the item's title
   * @param itemTitles the item's title by language (the reader's, else another)
   */
  NotificationMessage alert(
      String titleKey,
      Map<Language, String> itemTitles,
      SavedSearches.SavedSearch search,
      String link) {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new HashMap<>();
    for (Language language : Language.UI) {
      String title = NotificationMessage.pickText(itemTitles, language);
      Locale locale = Locale.forLanguageTag(language.code());
      titles.put(language, messages.getMessage(titleKey, new Object[] {title}, locale));
      texts.put(
          language,
          messages.getMessage(
              "notifications.alert.text", new Object[] {describe(search, locale)}, locale));
    }
    return new NotificationMessage(titles, texts, link);
  }

  /**
   * The alert of a new offering for a followed goal, in every interface language: the offering's
   * title, and the missing skills it teaches by name with the goal they are missing for.
   *
   * @param skills the skills the goal's occupation needs, the person's profile lacks and the
   *     offering teaches
   */
  NotificationMessage goalOfferingAlert(
      AlertDelivery.Item item,
      SavedSearches.SavedSearch search,
      ConceptUri occupation,
      List<ConceptUri> skills) {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new HashMap<>();
    for (Language language : Language.UI) {
      Locale locale = Locale.forLanguageTag(language.code());
      String title = NotificationMessage.pickText(item.titles(), language);
      titles.put(language, messages.getMessage(item.titleKey(), new Object[] {title}, locale));
      String names =
          taxonomy.summaries(skills, language).stream()
              .map(s -> s.label().text())
              .collect(java.util.stream.Collectors.joining(", "));
      String goal =
          taxonomy.summaries(List.of(occupation), language).stream()
              .findFirst()
              .map(s -> s.label().text())
              .orElse(describe(search, locale));
      texts.put(
          language,
          messages.getMessage(
              "notifications.alert.goalOffering.text",
              new Object[] {skills.size(), names, goal},
              locale));
    }
    return new NotificationMessage(titles, texts, item.link());
  }

  /**
   * The saved search in words: what was typed, or that it has facet choices only; a search of
   * another kind than education says which, as the list holds every kind; a goal is named by its
   * occupation.
   */
  String describe(SavedSearches.SavedSearch search, Locale locale) {
    if (SavedSearches.GOAL.equals(search.kind())) {
      String occupation =
          search.facets().getOrDefault(SavedSearches.GOAL, Set.of()).stream()
              .findFirst()
              .flatMap(id -> occupationLabel(id, Language.of(locale)))
              .orElse("?");
      return messages.getMessage("notifications.search.goal", new Object[] {occupation}, locale);
    }
    String kind =
        switch (search.kind()) {
          case SavedSearches.SERVICE -> ".services";
          case SavedSearches.OPPORTUNITY -> ".jobAds";
          default -> "";
        };
    String words = search.words().isBlank() ? "" : "\u201c" + search.words() + "\u201d";
    int facets = search.facets().values().stream().mapToInt(Set::size).sum();
    if (facets == 0 && words.isEmpty()) {
      return messages.getMessage("notifications.search.everything" + kind, null, locale);
    }
    String described = words;
    if (facets > 0) {
      String choices =
          messages.getMessage("notifications.search.facets", new Object[] {facets}, locale);
      described = words.isEmpty() ? choices : words + ", " + choices;
    }
    return kind.isEmpty()
        ? described
        : messages.getMessage("notifications.search" + kind, new Object[] {described}, locale);
  }

  /** The name of an ESCO occupation by its UUID, if it is one. */
  Optional<String> occupationLabel(String id, Language language) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return taxonomy.summaries(List.of(ConceptUri.escoOccupation(uuid)), language).stream()
        .filter(s -> s.type() == fi.osaava.taxonomy.ConceptType.OCCUPATION)
        .findFirst()
        .map(s -> s.label().text());
  }
}
