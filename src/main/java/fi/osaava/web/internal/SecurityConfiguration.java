package fi.osaava.web.internal;

import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.OneClickForm;
import fi.osaava.web.PublicForm;
import fi.osaava.web.SignInProperties;
import fi.osaava.web.SignedInArea;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, and the security headers of every response. All GETs are open except the
 * actuator (only health, for probes, and Prometheus, for scraping) and the {@link SignedInArea}s
 * modules declare. People sign in with OpenID Connect ({@code oauth2Login}, when a provider is
 * configured or the development provider runs); any other method needs a signed-in user, with CSRF
 * protection (Spring Security's default), except the {@link PublicForm}s. Machine-to-machine writes
 * ({@link ApiWriteAccess}) take an OAuth2 bearer token with the declared scope, in a chain of their
 * own.
 */
// Only a servlet application has HttpSecurity; the command-line tools boot without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
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

  private static final RequestMatcher API =
      PathPatternRequestMatcher.withDefaults().matcher("/api/**");

  private static final RequestMatcher ACTUATOR =
      PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

  private static final RequestMatcher SWAGGER_UI =
      PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

  /** Requests that carry a bearer token: machine-to-machine calls, never a browser session. */
  static final RequestMatcher BEARER_API =
      request -> {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
            && authorization != null
            && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
      };

  /**
   * Bearer-token requests under {@code /api/}: stateless, no CSRF (a token in a header is not sent
   * by the browser on its own, so there is nothing to forge), and each declared {@link
   * ApiWriteAccess} admitted only with its scope. Reads stay public as everywhere; any other write
   * with a token is refused, so a token never reaches a citizen's endpoints. Without a JWT decoder
   * (no provider configured) every token is refused.
   */
  @Bean
  @Order(20)
  SecurityFilterChain bearerApiSecurity(
      HttpSecurity http, List<ApiWriteAccess> writes, ObjectProvider<JwtDecoder> jwtDecoder)
      throws Exception {
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    http.securityMatcher(BEARER_API)
        .authorizeHttpRequests(
            authorize -> {
              for (ApiWriteAccess write : writes) {
                authorize
                    .requestMatchers(
                        PathPatternRequestMatcher.withDefaults()
                            .matcher(write.method(), write.path()))
                    .hasAuthority("SCOPE_" + write.scope());
              }
              if (decoder == null) {
                authorize.anyRequest().denyAll();
              } else {
                authorize.requestMatchers(HttpMethod.GET, "/**").permitAll().anyRequest().denyAll();
              }
            })
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(this::securityHeaders);
    if (decoder != null) {
      http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)));
    } else {
      http.exceptionHandling(
          e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    }
    return http.build();
  }

  @Bean
  @Order(100)
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      List<PublicForm> publicForms,
      List<OneClickForm> oneClickForms,
      List<SignedInArea> signedInAreas,
      List<ApiWriteAccess> writes,
      ObjectProvider<ClientRegistrationRepository> clientRegistrations,
      SignInProperties signIn,
      SignInRateLimitFilter signInRateLimit)
      throws Exception {
    String[] formPaths =
        java.util.stream.Stream.concat(
                publicForms.stream().map(PublicForm::path),
                oneClickForms.stream().map(OneClickForm::path))
            .toArray(String[]::new);
    String[] oneClickPaths = oneClickForms.stream().map(OneClickForm::path).toArray(String[]::new);
    String[] privatePaths =
        signedInAreas.stream().map(SignedInArea::pattern).toArray(String[]::new);
    http.authorizeHttpRequests(
            authorize -> {
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
                  .denyAll();
              // Machine endpoints take a bearer token (the chain above); a browser session must
              // not reach them, whoever is signed in.
              for (ApiWriteAccess write : writes) {
                authorize
                    .requestMatchers(
                        PathPatternRequestMatcher.withDefaults()
                            .matcher(write.method(), write.path()))
                    .denyAll();
              }
              if (privatePaths.length > 0) {
                authorize.requestMatchers(privatePaths).authenticated();
              }
              authorize
                  // Pages, /api/**, /v3/api-docs, Swagger UI, /css, /js and /webjars.
                  .requestMatchers(HttpMethod.GET, "/**")
                  .permitAll()
                  // Forms that modules declare open to everyone (CSRF still applies).
                  .requestMatchers(HttpMethod.POST, formPaths)
                  .permitAll()
                  .anyRequest()
                  .authenticated();
            })
        .headers(this::securityHeaders)
        // Anonymous GETs must not create sessions just to remember a page: after sign-in people
        // land on the configured page instead.
        .requestCache(cache -> cache.disable())
        // A new session id at sign-in, so a session id planted before it is worth nothing.
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        // An API caller gets 401; anyone else is sent to the sign-in page, whatever they accept.
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API)
                    // The closed actuator endpoints are closed to everyone: no sign-in helps.
                    .defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.FORBIDDEN), ACTUATOR)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SignInPageController.PATH),
                        AnyRequestMatcher.INSTANCE))
        .addFilterBefore(signInRateLimit, OAuth2AuthorizationRequestRedirectFilter.class)
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(
                        PathPatternRequestMatcher.withDefaults()
                            .matcher(HttpMethod.POST, SignInPageController.SIGN_OUT))
                    .logoutSuccessUrl("/"));
    if (oneClickPaths.length > 0) {
      // Posted by mail programs (RFC 8058), which hold no CSRF token; the path's own token is the
      // credential (OneClickForm).
      http.csrf(
          csrf ->
              csrf.ignoringRequestMatchers(
                  java.util.Arrays.stream(oneClickPaths)
                      .map(
                          p -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, p))
                      .toArray(
                          org.springframework.security.web.util.matcher.RequestMatcher[]::new)));
    }
    if (clientRegistrations.getIfAvailable() != null) {
      http.oauth2Login(
          login ->
              login
                  .loginPage(SignInPageController.PATH)
                  .defaultSuccessUrl(signIn.landingPage(), true)
                  .failureUrl(SignInPageController.PATH + "?failed"));
    }
    return http.build();
  }

  private void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(SWAGGER_UI),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                SWAGGER_UI,
                new StaticHeadersWriter(
                    "Content-Security-Policy", SWAGGER_UI_CONTENT_SECURITY_POLICY)))
        .frameOptions(frame -> frame.deny())
        // Concept URIs in our query strings reveal what a person looked at; other sites get no
        // referrer at all.
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(
            new StaticHeadersWriter(
                "Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
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
