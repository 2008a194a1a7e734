package fi.osaava.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in ({@code osaava.sign-in.*}).
 *
 * @param registration the Spring OAuth2 client registration id of the OpenID Connect provider
 * @param identityClaim the ID-token or user-info claim that identifies a person at the provider,
 *     such as {@code sub}, or a national identification number claim of an identification broker
 * @param landingPage where a successful sign-in leads
 * @param attemptsPerMinute sign-in attempts allowed per client address per minute
 * @param developmentProvider whether an in-process mock provider runs (development and tests);
 *     null: only when no production registration is configured
 * @param developmentProviderPort the mock provider's port, 0 for any free port
 */
@ConfigurationProperties("osaava.sign-in")
public record SignInProperties(
    String registration,
    String identityClaim,
    String landingPage,
    Integer attemptsPerMinute,
    Boolean developmentProvider,
    Integer developmentProviderPort) {

  public SignInProperties {
    registration = registration == null || registration.isBlank() ? "osaava" : registration;
    identityClaim = identityClaim == null || identityClaim.isBlank() ? "sub" : identityClaim;
    landingPage = landingPage == null || landingPage.isBlank() ? "/profile" : landingPage;
    attemptsPerMinute = attemptsPerMinute == null ? 20 : Math.max(1, attemptsPerMinute);
    developmentProviderPort = developmentProviderPort == null ? 0 : developmentProviderPort;
  }
}
