package fi.osaava.guidance.internal.web;

import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every guidance page is about someone's own data or a client's: all need sign-in. */
@Configuration(proxyBeanMethods = false)
class GuidanceWebConfiguration {

  @Bean
  SignedInArea guidancePages() {
    return new SignedInArea("/guidance/**");
  }
}
