package fi.osaava.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.nimbusds.jose.JOSEObjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signing in and getting tokens in tests, through the development OpenID Connect provider that runs
 * in-process in the shared test context (no extra context, no mocks of our own security):
 *
 * <ul>
 *   <li>{@link #bearerToken(String...)}: a client-credentials style access token with the given
 *       scopes, for the machine APIs ({@code Authorization: Bearer ...});
 *   <li>{@link #signIn(Page, String)}: a Playwright page signs in as a test person through the
 *       provider's login form;
 *   <li>{@link #signIn(String)}: the same for a plain HTTP client, which keeps the session cookie
 *       and sends the CSRF token on writes;
 *   <li>{@link #person(String)}: a MockMvc request post-processor that acts as a signed-in person
 *       (with a CSRF token), for fast controller tests.
 * </ul>
 *
 * The identifying claim is {@code sub}: the same subject is the same person, across all three.
 * Available to every test extending {@link WebTestBase} as {@code oidc}.
 */
@TestComponent
public class OidcTestSupport {

  /** The development provider's issuer id (see DevelopmentSignInConfiguration). */
  static final String ISSUER = "osaava";

  private final MockOAuth2Server provider;

  OidcTestSupport(MockOAuth2Server provider) {
    this.provider = provider;
  }

  /** A signed access token from the test provider carrying {@code scopes} in its scope claim. */
  public String bearerToken(String... scopes) {
    return clientToken("test-client", scopes);
  }

  /** As {@link #bearerToken(String...)}, for the OAuth client {@code clientId} (its subject). */
  public String clientToken(String clientId, String... scopes) {
    return provider
        .issueToken(
            ISSUER,
            clientId,
            new DefaultOAuth2TokenCallback(
                ISSUER,
                clientId,
                JOSEObjectType.JWT.getType(),
                List.of("osaava"),
                Map.of("scope", String.join(" ", scopes)),
                3600))
        .serialize();
  }

  /**
   * A token got as a provider's system gets one: an OAuth client-credentials request over HTTP to
   * the development provider's token endpoint, asking for {@code scopes} (space-separated).
   */
  public String clientCredentialsToken(String clientId, String scopes) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(provider.tokenEndpointUrl(ISSUER).toString()))
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString((clientId + ":any").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&scope="
                        + URLEncoder.encode(scopes, StandardCharsets.UTF_8)))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "The token endpoint answered " + response.statusCode() + ": " + response.body());
      }
      return tools.jackson.databind.json.JsonMapper.builder()
          .build()
          .readTree(response.body())
          .path("access_token")
          .asString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** MockMvc: the request comes from the signed-in person {@code subject}, with a CSRF token. */
  public RequestPostProcessor person(String subject) {
    return person(subject, Map.of());
  }

  /** As {@link #person(String)}, with extra ID-token claims (such as roles). */
  public RequestPostProcessor person(String subject, Map<String, Object> claims) {
    RequestPostProcessor login =
        SecurityMockMvcRequestPostProcessors.oidcLogin()
            .idToken(
                token -> {
                  token.subject(subject);
                  claims.forEach(token::claim);
                });
    RequestPostProcessor csrf = SecurityMockMvcRequestPostProcessors.csrf();
    return request -> csrf.postProcessRequest(login.postProcessRequest(request));
  }

  /**
   * Signs the Playwright page in as {@code subject}: starts at the sign-in page, types the name
   * into the development provider's login form and returns after landing back in Osaava.
   */
  public void signIn(Page page, String subject) {
    signIn(page, subject, null);
  }

  /**
   * As {@link #signIn(Page, String)}, typing {@code claimsJson} (such as an editor's role and
   * organisation) into the provider's optional claims field, as a developer would.
   */
  public void signIn(Page page, String subject, String claimsJson) {
    // The provider's login page links style sheets from a CDN, which the test machines cannot
    // reach; they are answered empty, so the browser reports no failed loads.
    page.context()
        .route(
            url -> !url.startsWith("http://localhost") && !url.startsWith("http://127.0.0.1"),
            route -> route.fulfill(new Route.FulfillOptions().setStatus(200).setBody("")));
    page.navigate("/sign-in");
    page.click("#sign-in-start");
    page.waitForSelector("input[name=username]");
    page.fill("input[name=username]", subject);
    if (claimsJson != null) {
      page.fill("textarea[name=claims]", claimsJson);
    }
    page.click("input[type=submit]");
    page.waitForURL(url -> !url.startsWith(provider.baseUrl().toString()));
  }

  /**
   * A plain HTTP client signed in as {@code subject} through the whole OpenID Connect code flow
   * against the running server at {@code baseUrl}.
   */
  public SignedInClient signIn(String baseUrl, String subject) {
    return signInAt(baseUrl, subject);
  }

  /**
   * The same against any running server with the development provider, such as a node started as a
   * process of its own: only its redirects are followed, so no provider object is needed.
   */
  public static SignedInClient signInAt(String baseUrl, String subject) {
    // The session cookie is Secure; the JDK's CookieManager would not send it over http://localhost
    // (browsers do), so the test keeps its own jar.
    LocalhostCookieJar jar = new LocalhostCookieJar();
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(jar)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      HttpResponse<String> start = send(http, get(baseUrl + "/oauth2/authorization/osaava"));
      String sessionBefore = jar.value(URI.create(baseUrl), "JSESSIONID");
      String authorize = location(start);
      HttpResponse<String> login =
          send(
              http,
              HttpRequest.newBuilder(URI.create(authorize))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", subject))))
                  .build());
      HttpResponse<String> callback = send(http, get(location(login)));
      if (callback.statusCode() != 302 || location(callback).contains("/sign-in")) {
        throw new IllegalStateException(
            "Sign-in failed: " + callback.statusCode() + " " + callback.headers().map());
      }
      return new SignedInClient(
          http, baseUrl, sessionBefore, jar.value(URI.create(baseUrl), "JSESSIONID"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP client with a signed-in session; writes carry the session's CSRF token. */
  public static final class SignedInClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;
    private final String sessionBefore;
    private final String sessionAfter;
    private String csrfToken;

    SignedInClient(HttpClient http, String baseUrl, String sessionBefore, String sessionAfter) {
      this.http = http;
      this.baseUrl = baseUrl;
      this.sessionBefore = sessionBefore;
      this.sessionAfter = sessionAfter;
    }

    /** The session id before sign-in (the one holding the authorization request), or null. */
    public String sessionBeforeSignIn() {
      return sessionBefore;
    }

    /** The session id after sign-in. */
    public String sessionAfterSignIn() {
      return sessionAfter;
    }

    public HttpResponse<String> get(String path) {
      try {
        return send(http, OidcTestSupport.get(baseUrl + path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Sends any request in this session; a write carries the session's CSRF token (taken from
     * {@code /profile} once) in the {@code X-CSRF-TOKEN} header.
     */
    public HttpResponse<byte[]> exchange(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      if (csrfToken == null) {
        Matcher m = CSRF.matcher(get("/profile").body());
        if (!m.find()) {
          throw new IllegalStateException("No CSRF token on /profile");
        }
        csrfToken = m.group(1);
      }
      return http.send(
          request.header("X-CSRF-TOKEN", csrfToken).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form with the CSRF token taken from {@code /profile}. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
      Matcher m = CSRF.matcher(get("/profile").body());
      if (!m.find()) {
        throw new IllegalStateException("No CSRF token on /profile");
      }
      Map<String, String> all = new java.util.LinkedHashMap<>(fields);
      all.put("_csrf", m.group(1));
      try {
        return send(
            http,
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all)))
                .build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Cookies per host and port, sent back whatever their Secure flag (test servers only). */
  private static final class LocalhostCookieJar extends CookieHandler {

    private final Map<String, Map<String, String>> jar =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
      Map<String, String> cookies = jar.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
      if (cookies.isEmpty()) {
        return Map.of();
      }
      return Map.of(
          "Cookie",
          List.of(
              cookies.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining("; "))));
    }

    String value(URI uri, String name) {
      return jar.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of()).get(name);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey() != null && h.getKey().equalsIgnoreCase("Set-Cookie")) {
          for (String value : h.getValue()) {
            String pair = value.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
              jar.computeIfAbsent(
                      uri.getHost() + ":" + uri.getPort(),
                      k -> new java.util.concurrent.ConcurrentHashMap<>())
                  .put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
          }
        }
      }
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String location(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Expected a redirect from "
                        + response.uri()
                        + ", got "
                        + response.statusCode()));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
