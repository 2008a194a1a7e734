package fi.osaava.identification.internal.web;

import fi.osaava.web.PublicForm;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The identification API is open without sign-in, like the page that uses it. It is a JSON API
 * without cookies or sessions, so CSRF tokens protect nothing there; its own filter chain, ahead of
 * the application's, says so for this one path only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class IdentificationWebConfiguration {

  /** The page's form is open to everyone, like the page (the shell keeps CSRF on for it). */
  @Bean
  PublicForm identifyForm() {
    return new PublicForm(IdentificationPageController.PATH);
  }

  @Bean
  @Order(10)
  SecurityFilterChain identificationApiSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher(IdentificationController.PATH)
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable());
    return http.build();
  }
}
