package fi.osaava.web.internal;

import fi.osaava.platform.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language of an API problem's {@code title}, which clients may show to people: the request's
 * {@code lang} parameter, else its Accept-Language, else English, as the API always answered. The
 * {@code detail} stays English: it names parameters and values for the client's developer.
 */
final class ProblemLanguage {

  private ProblemLanguage() {}

  static Locale ofCurrentRequest() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      return of(attributes.getRequest()).locale();
    }
    return Language.EN.locale();
  }

  static Language of(HttpServletRequest request) {
    return Language.fromCode(request.getParameter("lang"))
        .filter(Language.UI::contains)
        .or(
            () ->
                LanguageLocaleResolver.fromAcceptLanguage(
                    request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
        .orElse(Language.EN);
  }
}
