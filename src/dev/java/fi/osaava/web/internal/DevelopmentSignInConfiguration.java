package fi.osaava.web.internal;

import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.SignInProperties;
import java.net.InetAddress;
import java.util.List;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The development sign-in: an in-process mock OpenID Connect provider (NAV's mock-oauth2-server) on
 * loopback, where anyone can sign in as anyone by typing a name. It runs when no production
 * provider is registered ({@code spring.security.oauth2.client.registration.<registration>}) and
 * {@code osaava.sign-in.development-provider} is not false, so that {@code ./osaava start} and the
 * tests have a working sign-in without any external service. The sign-in page says plainly that it
 * is a development login. Its tokens also serve the machine APIs ({@code client_credentials} grant
 * with any scope), for the same reason.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(DevelopmentSignInConfiguration.DevelopmentProviderCondition.class)
class DevelopmentSignInConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DevelopmentSignInConfiguration.class);

  /** The mock provider's issuer id: its URLs are {@code http://localhost:PORT/osaava/...}. */
  static final String ISSUER_ID = "osaava";

  /**
   * The provider's own default puts a client-credentials request's scopes into {@code aud}, so a
   * token asked for {@code education.publish} carried no scope and every publishing API refused it.
   * This mapping gives client-credentials tokens the requested scopes in the {@code scope} claim,
   * the client as subject and Osaava as audience, as a production authorisation server would.
   * Interactive sign-ins (authorization code) match no mapping and keep the provider's defaults.
   */
  static final String PROVIDER_CONFIG =
      """
      {"interactiveLogin": true,
       "tokenCallbacks": [{
         "issuerId": "%s",
         "tokenExpiry": 3600,
         "requestMappings": [{
           "requestParam": "grant_type",
           "match": "client_credentials",
           "claims": {"sub": "${clientId}", "aud": ["osaava"], "scope": "${scope}"}
         }]
       }]}
      """
          .formatted(ISSUER_ID);

  @Bean(destroyMethod = "shutdown")
  MockOAuth2Server developmentIdentityProvider(
      SignInProperties signIn, List<ApiWriteAccess> writes) {
    MockOAuth2Server server =
        new MockOAuth2Server(OAuth2Config.Companion.fromJson(PROVIDER_CONFIG));
    server.start(InetAddress.getLoopbackAddress(), signIn.developmentProviderPort());
    log.warn(
        "Development sign-in: mock OpenID Connect provider at {} (anyone can sign in as anyone;"
            + " configure a real provider for production)",
        server.issuerUrl(ISSUER_ID));
    log.info(
        "Development publishing token (any client id and secret; valid for an hour): curl -s -u"
            + " my-organisation:any -d grant_type=client_credentials -d 'scope={}' {}",
        publishingScopes(writes),
        server.tokenEndpointUrl(ISSUER_ID));
    return server;
  }

  /** Tells the sign-in page that this provider runs (the page cannot know its classes). */
  @Bean
  DevelopmentSignIn developmentSignIn(MockOAuth2Server server) {
    return new DevelopmentSignIn(server.issuerUrl(ISSUER_ID).toString());
  }

  /** Every scope a machine write declares, once each, in a stable order. */
  static String publishingScopes(List<ApiWriteAccess> writes) {
    return String.join(
        " ", writes.stream().map(ApiWriteAccess::scope).distinct().sorted().toList());
  }

  @Bean
  ClientRegistrationRepository developmentClientRegistrations(
      MockOAuth2Server server, SignInProperties signIn) {
    ClientRegistration registration =
        ClientRegistration.withRegistrationId(signIn.registration())
            .clientName("Development login")
            .clientId("osaava")
            .clientSecret("development-only")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile")
            .authorizationUri(server.authorizationEndpointUrl(ISSUER_ID).toString())
            .tokenUri(server.tokenEndpointUrl(ISSUER_ID).toString())
            .jwkSetUri(server.jwksUrl(ISSUER_ID).toString())
            .userInfoUri(server.userInfoUrl(ISSUER_ID).toString())
            .issuerUri(server.issuerUrl(ISSUER_ID).toString())
            .userNameAttributeName("sub")
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /** Validates bearer tokens on the machine APIs against the mock provider's keys and issuer. */
  @Bean
  JwtDecoder developmentJwtDecoder(MockOAuth2Server server) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(server.jwksUrl(ISSUER_ID).toString()).build();
    decoder.setJwtValidator(
        JwtValidators.createDefaultWithIssuer(server.issuerUrl(ISSUER_ID).toString()));
    return decoder;
  }

  /** Whether the development provider runs: see the class comment. */
  static final class DevelopmentProviderCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      var environment = context.getEnvironment();
      String flag = environment.getProperty("osaava.sign-in.development-provider");
      if (flag != null && !flag.isBlank()) {
        return Boolean.parseBoolean(flag.strip())
            ? ConditionOutcome.match("osaava.sign-in.development-provider=true")
            : ConditionOutcome.noMatch("osaava.sign-in.development-provider=false");
      }
      String registration = environment.getProperty("osaava.sign-in.registration", "osaava");
      String clientId =
          environment.getProperty(
              "spring.security.oauth2.client.registration." + registration + ".client-id");
      return clientId == null || clientId.isBlank()
          ? ConditionOutcome.match("no production OpenID Connect provider registered")
          : ConditionOutcome.noMatch("a production OpenID Connect provider is registered");
    }
  }
}
