package fi.osaava.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A text in the language it is actually written in. {@code fallback} is true when the reader asked
 * for another language that has no text, so pages and the API can say so visibly: pages render it
 * through the fragment {@code web/fragments :: text(t)}, which puts {@code lang} on the text and a
 * marker such as "(in English)" in the page's language after it.
 *
 * <p>Which language stands in depends on where the text was written. ESCO is written in English and
 * translated, so {@link #pick} falls back to English first. The national data (education offerings,
 * badges, labour-market texts) is written in Finnish and partly translated, so {@link
 * #pickNational} falls back to the Finnish original first, then Swedish, then English.
 */
public record LocalizedText(
    @Schema(example = "Python (tietokoneohjelmointi)") String text,
    Language language,
    boolean fallback) {

  public LocalizedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
  }

  /**
   * Picks the text in {@code wanted}, else in {@link Language#FALLBACK}, else in any language, in
   * the order of {@link Language#values()}. Returns null when there is no text at all.
   */
  public static @Nullable LocalizedText pick(Map<Language, String> texts, Language wanted) {
    String exact = texts.get(wanted);
    if (exact != null && !exact.isBlank()) {
      return new LocalizedText(exact, wanted, false);
    }
    String fallback = texts.get(Language.FALLBACK);
    if (fallback != null && !fallback.isBlank()) {
      return new LocalizedText(fallback, Language.FALLBACK, true);
    }
    return firstOf(texts, List.of(Language.values()));
  }

  /**
   * Picks the text in {@code wanted}, else the Finnish original, else Swedish, English or
   * Norwegian. Returns null when there is no text at all.
   */
  public static @Nullable LocalizedText pickNational(Map<Language, String> texts, Language wanted) {
    String exact = texts.get(wanted);
    if (exact != null && !exact.isBlank()) {
      return new LocalizedText(exact, wanted, false);
    }
    return firstOf(texts, NATIONAL_ORDER);
  }

  private static final List<Language> NATIONAL_ORDER =
      List.of(Language.FI, Language.SV, Language.EN, Language.NO);

  private static @Nullable LocalizedText firstOf(
      Map<Language, String> texts, List<Language> order) {
    for (Language language : order) {
      String any = texts.get(language);
      if (any != null && !any.isBlank()) {
        return new LocalizedText(any, language, true);
      }
    }
    return null;
  }
}
