package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web shell over real HTTP (error pages are a container dispatch that MockMvc does not do):
 * security headers, language resolution and the switch, error pages and problem details, and what
 * the security configuration lets through.
 */
class WebShellTest extends WebTestBase {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final String HTML = "text/html";

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> response = get("/", HTML, null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    String csp = header(response, "Content-Security-Policy");
    assertThat(csp)
        .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(response, "Referrer-Policy")).isEqualTo("same-origin");
    assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
    // The same headers on API responses, which browsers may open too.
    HttpResponse<String> api = get("/api/v1/taxonomy/collections", "application/json", null, null);
    assertThat(header(api, "Content-Security-Policy")).isEqualTo(csp);
  }

  @Test
  void swaggerUiMayStyleInlineButStillRunsOnlyOwnScripts() throws Exception {
    String csp = header(get("/swagger-ui/index.html", HTML, null, null), "Content-Security-Policy");
    assertThat(csp).contains("style-src 'self' 'unsafe-inline'", "script-src 'self';");
    assertThat(header(get("/", HTML, null, null), "Content-Security-Policy"))
        .doesNotContain("unsafe-inline");
  }

  @Test
  void layoutHasSkipLinkLandmarksAndEscoAttribution() throws Exception {
    String body = get("/", HTML, "en", null).body();
    assertThat(body)
        .contains("<a class=\"govuk-skip-link\" data-module=\"govuk-skip-link\" href=\"#main\">")
        .contains("<main id=\"main\"")
        .contains("<header", "<nav", "<footer")
        .contains("This service uses the ESCO classification of the European Commission.")
        // htmx may not inject its indicator <style>, which the CSP would block.
        .contains("\"includeIndicatorStyles\":false");
    assertThat(body).doesNotContain("<style", " style=\"");
  }

  @Test
  void languageComesFromCookieThenAcceptLanguageThenFinnish() throws Exception {
    assertThat(lang(get("/", HTML, null, null))).isEqualTo("fi");
    assertThat(lang(get("/", HTML, "sv-SE,sv;q=0.9,en;q=0.8", null))).isEqualTo("sv");
    assertThat(lang(get("/", HTML, "de-DE, nb;q=0.7, en;q=0.5", null))).isEqualTo("no");
    assertThat(lang(get("/", HTML, "de, fr", null))).isEqualTo("fi");
    assertThat(lang(get("/", HTML, "sv", "osaava-language=en"))).isEqualTo("en");
    // A cookie naming a language the service does not speak is ignored.
    assertThat(lang(get("/", HTML, "sv", "osaava-language=de"))).isEqualTo("sv");
  }

  @Test
  void switchingLanguageRemembersTheChoiceInACookie() throws Exception {
    HttpResponse<String> response = get("/browse/skill?lang=sv", HTML, "fi", null);
    assertThat(lang(response)).isEqualTo("sv");
    String cookie = header(response, "Set-Cookie");
    assertThat(cookie)
        .startsWith("osaava-language=sv;")
        .contains("Path=/", "Max-Age=", "HttpOnly", "SameSite=Lax");

    HttpResponse<String> unknown = get("/browse/skill?lang=de", HTML, "fi", null);
    assertThat(lang(unknown)).isEqualTo("fi");
    assertThat(unknown.headers().firstValue("Set-Cookie")).isEmpty();

    // The API reads lang as the content language of one response, not as a remembered choice.
    HttpResponse<String> api =
        get("/api/v1/taxonomy/browse/skill?lang=sv&size=1", "application/json", null, null);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void languageLinksLeadToTheSamePageWithTheOtherParametersKept() throws Exception {
    String body = get("/browse/occupation?page=2", HTML, "fi", null).body();
    for (String code : List.of("fi", "sv", "en", "no")) {
      assertThat(body).contains("href=\"/browse/occupation?page=2&amp;lang=" + code + "\"");
    }
    assertThat(body).contains("aria-current=\"true\">suomi</a>");
  }

  @Test
  void unknownPagesGetALocalizedErrorPageWithoutInternals() throws Exception {
    HttpResponse<String> page = get("/no/such/page", HTML, "sv", null);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(lang(page)).isEqualTo("sv");
    assertThat(page.body()).contains("Sidan hittades inte");
    assertThat(page.body()).doesNotContain("Exception", "at org.", "at fi.", "Whitelabel");

    HttpResponse<String> badPage = get("/browse/skill?page=-1", HTML, "en", null);
    assertThat(badPage.statusCode()).isEqualTo(400);
    assertThat(badPage.body()).contains("Invalid request").doesNotContain("Exception");

    HttpResponse<String> badUri = get("/concepts?uri=not-a-uri", HTML, "fi", null);
    assertThat(badUri.statusCode()).isEqualTo(400);
    assertThat(badUri.body()).contains("Virheellinen pyyntö");
  }

  @Test
  void unknownApiPathsAreProblemDetails() throws Exception {
    HttpResponse<String> response = get("/api/v1/taxonomy/nothing", "application/json", null, null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":404", "\"instance\":\"/api/v1/taxonomy/nothing\"")
        .doesNotContain("trace", "Exception");
  }

  @Test
  void onlyReadsArePublicUntilSignInExists() throws Exception {
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/search")))
                .POST(HttpRequest.BodyPublishers.ofString("q=x"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(get("/actuator/metrics", "application/json", null, null).statusCode())
        .isEqualTo(403);
    assertThat(get("/actuator/health", "application/json", null, null).statusCode()).isEqualTo(200);
    assertThat(get("/v3/api-docs", "application/json", null, null).statusCode()).isEqualTo(200);
    assertThat(get("/swagger-ui/index.html", HTML, null, null).statusCode()).isEqualTo(200);
    // The search form is a GET, so no CSRF token may end up in bookmarkable search URLs.
    assertThat(get("/", HTML, null, null).body()).doesNotContain("_csrf");
  }

  @Test
  void ownStylesScriptsAndTheHtmxWebJarAreServed() throws Exception {
    HttpResponse<String> css = get("/css/osaava.css", "text/css", null, null);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(header(css, "Cache-Control")).contains("max-age=");
    assertThat(get("/js/osaava.js", "*/*", null, null).statusCode()).isEqualTo(200);
    String layout = get("/", HTML, null, null).body();
    String htmx = layout.replaceAll("(?s).*<script src=\"([^\"]*htmx[^\"]*)\".*", "$1");
    assertThat(htmx).startsWith("/webjars/htmx.org/");
    assertThat(get(htmx, "*/*", null, null).body()).contains("htmx");
  }

  @Test
  void webJarLinksCarryTheirVersionAndPageLinksStayAsWritten() throws Exception {
    String layout = get("/", HTML, "en", null).body();
    // Versioned, so a new WebJar is never hidden by the week-long cache of the old one.
    assertThat(layout)
        .containsPattern("src=\"/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js\"")
        .containsPattern(
            "href=\"/webjars/govuk-frontend/\\d+\\.\\d+\\.\\d+/dist/govuk/govuk-frontend\\.min\\.css\"")
        .contains("href=\"/css/osaava.css\"", "href=\"/profile\"", "href=\"/education\"");
  }

  private HttpResponse<String> get(String path, String accept, String language, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    request.header("Accept", accept);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static String lang(HttpResponse<String> response) {
    return response.body().replaceAll("(?s).*?<html lang=\"([^\"]*)\".*", "$1");
  }
}
