package fi.osaava.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The languages Osaava serves content in. ESCO URIs are shared across all of them. */
public enum Language {
  FI("fi", "suomi"),
  SV("sv", "svenska"),
  EN("en", "English"),
  NO("no", "norsk");

  /** The language whose labels every ESCO concept has; shown when another language has none. */
  public static final Language FALLBACK = EN;

  /** Languages of the user interface, in the order the language switch lists them. */
  public static final List<Language> UI = List.of(FI, SV, EN, NO);

  private final String code;
  private final String endonym;

  Language(String code, String endonym) {
    this.code = code;
    this.endonym = endonym;
  }

  /** ISO 639-1 code as used in ESCO file names, URLs and the API. */
  public String code() {
    return code;
  }

  /** The language's name in itself, as a language switch shows it. */
  public String endonym() {
    return endonym;
  }

  public Locale locale() {
    return Locale.of(code);
  }

  /**
   * Reads an ISO 639-1 code or a BCP 47 tag. Norwegian Bokmål ({@code nb}) and Nynorsk ({@code nn})
   * both map to {@link #NO}, because ESCO publishes one Norwegian package.
   */
  public static Optional<Language> fromCode(@Nullable String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return switch (primary) {
      case "fi" -> Optional.of(FI);
      case "sv" -> Optional.of(SV);
      case "en" -> Optional.of(EN);
      case "no", "nb", "nn" -> Optional.of(NO);
      default -> Optional.empty();
    };
  }

  /** Like {@link #fromCode} but fails with a message that names the accepted codes. */
  public static Language require(String code) {
    return fromCode(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown language '" + code + "': use one of fi, sv, en, no"));
  }

  public static Language of(Locale locale) {
    return locale == null ? FALLBACK : fromCode(locale.getLanguage()).orElse(FALLBACK);
  }
}
