package fi.osaava.web.internal;

import fi.osaava.web.PublicForm;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, and the security headers of every response. Until sign-in arrives everything
 * public is read-only: all GETs are open except the actuator, of which only health (for probes) and
 * Prometheus (for scraping) are. Any other method needs an authenticated user, which nobody can be
 * yet, so state-changing requests are refused until a later issue adds sign-in; CSRF protection
 * stays on (Spring Security's default) so forms are ready for it.
 */
// Only a servlet application has HttpSecurity; the command-line tools boot without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * Scripts and styles only from our own origin: no inline script or style, so injected markup
   * cannot run. htmx comes from the same-origin WebJar, and its inline indicator style is switched
   * off in the layout's htmx-config meta tag.
   */
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  /**
   * Swagger UI (a third-party page) sets inline styles from its script; on its own pages only,
   * styles may be inline. Scripts stay same-origin there too.
   */
  static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  private static final RequestMatcher SWAGGER_UI =
      PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicForm> publicForms)
      throws Exception {
    String[] formPaths = publicForms.stream().map(PublicForm::path).toArray(String[]::new);
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    // Error pages render whatever went wrong, including refusals.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .denyAll()
                    // Pages, /api/**, /v3/api-docs, Swagger UI, /css, /js and /webjars.
                    .requestMatchers(HttpMethod.GET, "/**")
                    .permitAll()
                    // Forms that modules declare open to everyone (CSRF still applies).
                    .requestMatchers(HttpMethod.POST, formPaths)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .headers(
            headers ->
                headers
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(SWAGGER_UI),
                            new StaticHeadersWriter(
                                "Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            SWAGGER_UI,
                            new StaticHeadersWriter(
                                "Content-Security-Policy", SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                    .frameOptions(frame -> frame.deny())
                    // Concept URIs in our query strings reveal what a person looked at; other
                    // sites get no referrer at all.
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
        // Anonymous GETs must not create sessions just to remember a page for after a sign-in
        // that does not exist yet.
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  /**
   * No local accounts: people will sign in through the national identification service. Without
   * this bean Spring Boot would create a "user" with a generated password and log it.
   */
  @Bean
  UserDetailsService noLocalUsers() {
    return new InMemoryUserDetailsManager();
  }
}
