package fi.osaava.profile.internal.web;

import fi.osaava.profile.internal.PersonDirectory;
import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The profile's pages and API hold personal data: signed-in users only, even for reading. Every
 * signed-in session is tied to its account ({@link AccountSessionInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
class ProfileWebConfiguration implements WebMvcConfigurer {

  private final PersonDirectory directory;

  ProfileWebConfiguration(PersonDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AccountSessionInterceptor(directory));
  }

  @Bean
  SignedInArea profilePages() {
    return new SignedInArea("/profile/**");
  }

  @Bean
  SignedInArea profileApi() {
    return new SignedInArea("/api/v1/profile/**");
  }

  @Bean
  SignedInArea counsellorPages() {
    return new SignedInArea("/counsellor/**");
  }
}
