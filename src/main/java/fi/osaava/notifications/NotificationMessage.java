package fi.osaava.notifications;

import fi.osaava.platform.Language;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message for one person, with its texts in the languages the sender has; the person reads it in
 * their own language, or in Finnish, Swedish or English when theirs is missing.
 *
 * @param titles a one-line title by language, at least one
 * @param texts the message by language (plain text), may be empty
 * @param link a path in Osaava to go on from the message, such as {@code /guidance}, or null
 * @param attachment a file for the message's mail only (the inbox shows the message without it), or
 *     null; a digest carries its messages' files, the newest of each file name
 */
public record NotificationMessage(
    Map<Language, String> titles,
    Map<Language, String> texts,
    @Nullable String link,
    @Nullable MailAttachment attachment) {

  public NotificationMessage {
    titles = Map.copyOf(titles);
    texts = Map.copyOf(texts);
    if (titles.isEmpty()) {
      throw new IllegalArgumentException("A message needs a title");
    }
    if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
      throw new IllegalArgumentException("A message's link is a path in Osaava: " + link);
    }
  }

  /** A message without an attachment. */
  public NotificationMessage(
      Map<Language, String> titles, Map<Language, String> texts, @Nullable String link) {
    this(titles, texts, link, null);
  }

  /** The same message, its mail carrying {@code file}. */
  public NotificationMessage withAttachment(MailAttachment file) {
    return new NotificationMessage(titles, texts, link, Objects.requireNonNull(file));
  }

  /** The text in the wanted language, else in fi, sv or en, else empty. */
  public static String pickText(Map<Language, String> texts, Language wanted) {
    if (texts.containsKey(wanted)) {
      return Objects.requireNonNull(texts.get(wanted));
    }
    for (Language fallback : new Language[] {Language.FI, Language.SV, Language.EN}) {
      if (texts.containsKey(fallback)) {
        return Objects.requireNonNull(texts.get(fallback));
      }
    }
    return texts.values().stream().findFirst().orElse("");
  }

  public String title(Language language) {
    return pickText(titles, language);
  }

  public String text(Language language) {
    return pickText(texts, language);
  }

  /**
   * A message whose title and text are UI messages, in every UI language.
   *
   * @param arguments the text's arguments
   */
  public static NotificationMessage fromMessages(
      org.springframework.context.MessageSource messages,
      String titleKey,
      String textKey,
      Object[] arguments,
      @Nullable String link) {
    Map<Language, String> titles = new java.util.EnumMap<>(Language.class);
    Map<Language, String> texts = new java.util.EnumMap<>(Language.class);
    for (Language language : Language.UI) {
      java.util.Locale locale = java.util.Locale.forLanguageTag(language.code());
      titles.put(language, messages.getMessage(titleKey, null, locale));
      texts.put(language, messages.getMessage(textKey, arguments, locale));
    }
    return new NotificationMessage(titles, texts, link);
  }
}
