package fi.osaava.web.internal;

import fi.osaava.platform.Language;
import fi.osaava.platform.StartupWork;
import fi.osaava.web.CurrentUrl;
import fi.osaava.web.NavigationEntries;
import fi.osaava.web.PublishingEditors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what the shared layout needs to every rendered page, so that no controller has to: the links
 * of the language switch, which lead back to the same page in another language, and what the
 * service is still preparing (the banner that says answers may be incomplete until then), and
 * whether the signed-in person is an editor (the link to the publishing pages), and the entries
 * other modules add for the signed-in person (such as a guidance counsellor's caseload).
 */
final class LayoutModelInterceptor implements HandlerInterceptor {

  private final LocaleResolver localeResolver;
  private final Supplier<List<StartupWork>> startupWork;
  private final PublishingEditors editors;
  private final Supplier<List<NavigationEntries>> navigation;

  LayoutModelInterceptor(
      LocaleResolver localeResolver,
      Supplier<List<StartupWork>> startupWork,
      PublishingEditors editors,
      Supplier<List<NavigationEntries>> navigation) {
    this.localeResolver = localeResolver;
    this.startupWork = startupWork;
    this.editors = editors;
    this.navigation = navigation;
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView modelAndView) {
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
    modelAndView.addObject(
        "startupPending", startupWork.get().stream().flatMap(w -> w.pending().stream()).toList());
    // Only editors see the way to the editor pages; the pages check the claims again themselves.
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    Optional<String> publishing = editors.home(auth);
    modelAndView.addObject("publishingEditor", publishing.isPresent());
    modelAndView.addObject("publishingHome", publishing.orElse(null));
    modelAndView.addObject(
        "moduleNavigation",
        navigation.get().stream().flatMap(n -> n.entries(auth).stream()).toList());
  }

  /**
   * One entry of the language switch.
   *
   * @param code the ISO 639-1 code, for the link's {@code lang} and {@code hreflang}
   * @param name the language's name in itself, so people find their language whatever the page's
   */
  public record LanguageLink(String code, String name, String href, boolean current) {}
}
