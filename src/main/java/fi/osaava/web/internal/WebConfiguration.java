package fi.osaava.web.internal;

import fi.osaava.platform.StartupWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language selection and the layout model for every page. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /** The query parameter of the language switch, e.g. {@code ?lang=sv}. */
  static final String LANGUAGE_PARAMETER = "lang";

  /** The REST API reads {@code lang} as the content language of one response, not as a choice. */
  private static final String API_PATHS = "/api/**";

  private final LanguageLocaleResolver localeResolver = new LanguageLocaleResolver();

  private final ObjectProvider<StartupWork> startupWork;

  WebConfiguration(ObjectProvider<StartupWork> startupWork) {
    this.startupWork = startupWork;
  }

  /** The bean name is what DispatcherServlet looks up; Boot backs off from its own. */
  @Bean
  LocaleResolver localeResolver() {
    return localeResolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName(LANGUAGE_PARAMETER);
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).excludePathPatterns(API_PATHS);
    registry.addInterceptor(
        new LayoutModelInterceptor(localeResolver, () -> startupWork.orderedStream().toList()));
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(new LanguageConverter());
  }
}
