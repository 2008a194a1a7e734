package fi.osaava.web.internal;

import fi.osaava.platform.Language;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Resolves the user-interface language, which is also the language of the content shown, in this
 * order: an explicit choice remembered in a cookie; the browser's Accept-Language, taking the first
 * of its languages that the service speaks; otherwise Finnish, because Osaava is a Finnish public
 * service and Finnish is the language most of its users read.
 *
 * <p>Only {@link Language#UI} languages ever come out of here, so templates can trust {@code
 * #locale} for {@code <html lang>} and for picking content.
 */
final class LanguageLocaleResolver implements LocaleResolver {

  static final String COOKIE = "osaava-language";
  static final Language DEFAULT = Language.FI;
  private static final Duration REMEMBER_FOR = Duration.ofDays(365);
  private static final String ATTRIBUTE = LanguageLocaleResolver.class.getName() + ".language";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    // A choice made earlier in this request (the language switch) wins over the old cookie.
    if (request.getAttribute(ATTRIBUTE) instanceof Language chosen) {
      return chosen.locale();
    }
    return fromCookie(request)
        .or(() -> fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
        .orElse(DEFAULT)
        .locale();
  }

  @Override
  public void setLocale(
      HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
    // Locales the service does not speak are ignored rather than stored, so a crafted ?lang=xx
    // cannot put the pages into a language that has no messages.
    Optional<Language> language =
        Optional.ofNullable(locale).flatMap(l -> Language.fromCode(l.getLanguage()));
    if (language.isEmpty() || !Language.UI.contains(language.get()) || response == null) {
      return;
    }
    request.setAttribute(ATTRIBUTE, language.get());
    ResponseCookie cookie =
        ResponseCookie.from(COOKIE, language.get().code())
            .path(contextPath(request))
            .maxAge(REMEMBER_FOR)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }

  private static String contextPath(HttpServletRequest request) {
    String path = request.getContextPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static Optional<Language> fromCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return Language.fromCode(cookie.getValue()).filter(Language.UI::contains);
      }
    }
    return Optional.empty();
  }

  /**
   * The first language of the header, by the client's q-weights, that the service speaks. Tomcat's
   * {@code request.getLocale()} is not used because it answers the server's default locale when the
   * header is absent, which would hide the Finnish default.
   */
  static Optional<Language> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0) {
        continue;
      }
      Optional<Language> language =
          Language.fromCode(range.getRange()).filter(Language.UI::contains);
      if (language.isPresent()) {
        return language;
      }
    }
    return Optional.empty();
  }
}
