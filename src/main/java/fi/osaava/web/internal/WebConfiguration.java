package fi.osaava.web.internal;

import fi.osaava.platform.StartupWork;
import fi.osaava.web.NavigationEntries;
import fi.osaava.web.PublishingEditors;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language selection and the layout model for every page, and the request-wide input rules:
 * parameters must decode as UTF-8 and hold only text the database can store.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /** The query parameter of the language switch, e.g. {@code ?lang=sv}. */
  static final String LANGUAGE_PARAMETER = "lang";

  /** The REST API reads {@code lang} as the content language of one response, not as a choice. */
  private static final String API_PATHS = "/api/**";

  private final LanguageLocaleResolver localeResolver = new LanguageLocaleResolver();

  private final ObjectProvider<StartupWork> startupWork;
  private final PublishingEditors editors;
  private final ObjectProvider<NavigationEntries> navigation;

  WebConfiguration(
      ObjectProvider<StartupWork> startupWork,
      PublishingEditors editors,
      ObjectProvider<NavigationEntries> navigation) {
    this.startupWork = startupWork;
    this.editors = editors;
    this.navigation = navigation;
  }

  /** The bean name is what DispatcherServlet looks up; Boot backs off from its own. */
  @Bean
  LocaleResolver localeResolver() {
    return localeResolver;
  }

  /**
   * Right after the character encoding filter (which must set UTF-8 before anything parses
   * parameters), ahead of security and everything else that reads a parameter.
   */
  @Bean
  FilterRegistrationBean<RequestParametersFilter> requestParametersFilter() {
    FilterRegistrationBean<RequestParametersFilter> registration =
        new FilterRegistrationBean<>(new RequestParametersFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  @Bean
  StorableTextJacksonModule storableTextJacksonModule() {
    return new StorableTextJacksonModule();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new StorableParametersInterceptor());
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName(LANGUAGE_PARAMETER);
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).excludePathPatterns(API_PATHS);
    // The beans are looked up at the first page, not here (they may need this configuration), and
    // then kept: resolving them on every page took some 2 % of the profile page's time.
    registry.addInterceptor(
        new LayoutModelInterceptor(
            localeResolver,
            SingletonSupplier.of(() -> startupWork.orderedStream().toList()),
            editors,
            SingletonSupplier.of(() -> navigation.orderedStream().toList())));
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(new LanguageConverter());
  }
}
