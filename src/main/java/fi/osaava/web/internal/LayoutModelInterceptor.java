package fi.osaava.web.internal;

import fi.osaava.platform.Language;
import fi.osaava.web.CurrentUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what the shared layout needs to every rendered page, so that no controller has to: the links
 * of the language switch, which lead back to the same page in another language.
 */
final class LayoutModelInterceptor implements HandlerInterceptor {

  private final LocaleResolver localeResolver;

  LayoutModelInterceptor(LocaleResolver localeResolver) {
    this.localeResolver = localeResolver;
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      ModelAndView modelAndView) {
    if (modelAndView == null || !modelAndView.hasView()) {
      return;
    }
    String viewName = modelAndView.getViewName();
    if (viewName != null && (viewName.startsWith("redirect:") || viewName.startsWith("forward:"))) {
      return;
    }
    Language current = Language.of(localeResolver.resolveLocale(request));
    List<LanguageLink> links =
        Language.UI.stream()
            .map(
                language ->
                    new LanguageLink(
                        language.code(),
                        language.endonym(),
                        CurrentUrl.withParameter(
                            request, WebConfiguration.LANGUAGE_PARAMETER, language.code(), null),
                        language == current))
            .toList();
    modelAndView.addObject("languageLinks", links);
  }

  /**
   * One entry of the language switch.
   *
   * @param code the ISO 639-1 code, for the link's {@code lang} and {@code hreflang}
   * @param name the language's name in itself, so people find their language whatever the page's
   */
  public record LanguageLink(String code, String name, String href, boolean current) {}
}
