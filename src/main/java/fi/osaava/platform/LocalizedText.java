package fi.osaava.platform;

import java.util.Map;
import java.util.Objects;

/**
 * A text in the language it is actually written in. {@code fallback} is true when the reader asked
 * for another language that has no text, so pages and the API can say so visibly.
 */
public record LocalizedText(String text, Language language, boolean fallback) {

  public LocalizedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
  }

  /**
   * Picks the text in {@code wanted}, else in {@link Language#FALLBACK}, else in any language, in
   * the order of {@link Language#values()}. Returns null when there is no text at all.
   */
  public static LocalizedText pick(Map<Language, String> texts, Language wanted) {
    String exact = texts.get(wanted);
    if (exact != null && !exact.isBlank()) {
      return new LocalizedText(exact, wanted, false);
    }
    String fallback = texts.get(Language.FALLBACK);
    if (fallback != null && !fallback.isBlank()) {
      return new LocalizedText(fallback, Language.FALLBACK, true);
    }
    for (Language language : Language.values()) {
      String any = texts.get(language);
      if (any != null && !any.isBlank()) {
        return new LocalizedText(any, language, true);
      }
    }
    return null;
  }
}
