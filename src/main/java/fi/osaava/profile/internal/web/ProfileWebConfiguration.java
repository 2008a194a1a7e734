package fi.osaava.profile.internal.web;

import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The profile's pages and API hold personal data: signed-in users only, even for reading. */
@Configuration(proxyBeanMethods = false)
class ProfileWebConfiguration {

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
