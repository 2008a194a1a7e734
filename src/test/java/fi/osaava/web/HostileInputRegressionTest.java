package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probe's reproductions of issue 14, each one as it was reported: none may give a 500 any more,
 * and each gets a clear client error naming what was wrong.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputRegressionTest extends WebTestBase {

  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> rawGet(String pathAndQuery, String accept)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(pathAndQuery))).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // --- NUL in profile text ----------------------------------------------------------------------

  /** The page forms: every text field of the profile refuses a NUL with 400, before any write. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "/profile/experiences, title",
    "/profile/experiences, organisation",
    "/profile/experiences, description",
    "/profile/languages, language",
    "/profile/languages/delete, language",
    "/profile/interests/like, text",
    "/profile/interests/unlike, uri",
    "/profile/interests, interestText",
  })
  void aNulInAProfileFormFieldIsA400(String path, String field) throws Exception {
    var request =
        post(path)
            .with(oidc.person("nul-form-" + field))
            .param("kind", "JOB")
            .param("title", "Kehittäjä")
            .param("organisation", "Oy")
            .param("description", "Ohjelmointia")
            .param("language", "fi")
            .param("level", "C1")
            .param("text", "kokkaus")
            .param("uri", "http://data.europa.eu/esco/skill/x")
            .param(field, "a\u0000b");
    mvc.perform(request).andExpect(status().isBadRequest());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"title", "organisation", "description"})
  void aNulInAProfileJsonFieldIsA400NamingTheField(String field) throws Exception {
    Map<String, String> experience =
        new java.util.HashMap<>(
            Map.of(
                "kind", "JOB",
                "title", "Kehittäjä",
                "organisation", "Oy",
                "description", "Ohjelmointia"));
    experience.put(field, "a\u0000b");
    String body =
        experience.entrySet().stream()
            .map(
                e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\u0000", "\\u0000") + "\"")
            .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    mvc.perform(
            post("/api/v1/profile/experiences")
                .with(oidc.person("nul-json-" + field))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NUL")));
  }

  @Test
  void aNulInAQueryParameterIsA400NamingIt() throws Exception {
    mvc.perform(get("/api/v1/education/search").param("q", "java\u0000"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("q"));
  }

  // --- out-of-range limits, blank enum values, /error -------------------------------------------

  @ParameterizedTest(name = "{0}?limit={1}")
  @CsvSource({
    "/api/v1/statistics/profile-skills, 0",
    "/api/v1/statistics/profile-skills, -5",
    "/api/v1/statistics/suggestion-feedback, 0",
    "/api/v1/statistics/suggestion-feedback, 1001",
  })
  void anOutOfRangeStatisticsLimitIsA400NamingIt(String path, String limit) throws Exception {
    mvc.perform(get(path).param("limit", limit))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("limit"));
  }

  @ParameterizedTest(name = "size={0}")
  @CsvSource({"0", "-1", "100000"})
  void anOutOfRangePageSizeIsA400NamingIt(String size) throws Exception {
    mvc.perform(get("/api/v1/taxonomy/browse/skill").param("size", size))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("size"));
  }

  @Test
  void aBlankConceptTypeOnAutocompleteIsA400NamingIt() throws Exception {
    mvc.perform(get("/api/v1/taxonomy/autocomplete").param("q", "java").param("type", " "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("type"));
  }

  @Test
  void errorIsNoRoute() throws Exception {
    assertThat(rawGet("/error", "application/json").statusCode()).isEqualTo(404);
    assertThat(rawGet("/error", "text/html").statusCode()).isEqualTo(404);
    // A real error still renders its own status.
    assertThat(rawGet("/no-such-page", "text/html").statusCode()).isEqualTo(404);
  }

  // --- invalid UTF-8 in a query: a 400 and one log line, no stack trace --------------------------

  @Test
  void anInvalidUtf8QueryIsA400WithOneLogLineAndNoStackTrace(CapturedOutput output)
      throws Exception {
    // The refusal is logged at INFO, which the test configuration hides elsewhere.
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    String logger = "fi.osaava.web.internal.RequestParametersFilter";
    logging.setLogLevel(logger, LogLevel.INFO);
    int before = output.getAll().length();
    try {
      sendInvalidUtf8Queries();
    } finally {
      logging.setLogLevel(logger, null);
    }
    String logged = output.getAll().substring(before);
    assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(logged.lines().filter(l -> l.contains("parameters not UTF-8"))).hasSize(6);
  }

  private void sendInvalidUtf8Queries() throws Exception {
    for (String query : new String[] {"q=%C3%28", "q=%FF", "lang=a%E2%82"}) {
      HttpResponse<String> page = rawGet("/education?" + query, "text/html");
      assertThat(page.statusCode()).as(query).isEqualTo(400);
      HttpResponse<String> api = rawGet("/api/v1/education/search?" + query, "application/json");
      assertThat(api.statusCode()).as(query).isEqualTo(400);
      assertThat(api.body()).contains("UTF-8");
    }
  }

  // --- URLs from outside -----------------------------------------------------------------------

  @Test
  void aPushedOfferingWithAJavascriptUrlIsRefusedNamingTheField() throws Exception {
    String offering =
        """
        {"@context": "https://schema.org", "@type": "Course",
         "@id": "https://courses.example.fi/hostile-url",
         "name": "Vihamielinen linkki", "url": "javascript:alert(document.cookie)",
         "provider": {"name": "Testiopisto"}}
        """;
    mvc.perform(
            post("/api/v1/education/offerings")
                .contentType(MediaType.valueOf("application/ld+json"))
                .header(
                    HttpHeaders.AUTHORIZATION, "Bearer " + oidc.bearerToken("education.publish"))
                .content(offering))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.line").value(1))
        .andExpect(jsonPath("$.field").value("url"));
    String instance =
        """
        {"@context": "https://schema.org", "@type": "Course",
         "@id": "https://courses.example.fi/hostile-instance-url", "name": "Linkki",
         "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online",
           "url": "data:text/html,<script>alert(1)</script>"}]}
        """;
    mvc.perform(
            post("/api/v1/education/offerings")
                .contentType(MediaType.valueOf("application/ld+json"))
                .header(
                    HttpHeaders.AUTHORIZATION, "Bearer " + oidc.bearerToken("education.publish"))
                .content(instance))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("hasCourseInstance.url"));
  }

  /** A row stored before the rule (or by any other way in) is still never rendered as a link. */
  @Test
  void aStoredNonHttpUrlIsNeverRenderedAsALink() throws Exception {
    String offering =
        """
        {"@context": "https://schema.org", "@type": "Course",
         "@id": "https://courses.example.fi/legacy-url", "name": "Vanha linkki",
         "url": "https://courses.example.fi/legacy-url", "provider": {"name": "Testiopisto"}}
        """;
    var pushed =
        mvc.perform(
                post("/api/v1/education/offerings")
                    .contentType(MediaType.valueOf("application/ld+json"))
                    .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + oidc.bearerToken("education.publish"))
                    .content(offering))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(pushed.getResponse().getContentAsString()).contains("\"records\":1");
    String id =
        jdbc.sql("SELECT id::text FROM education_offering WHERE source_id = ?")
            .param("https://courses.example.fi/legacy-url")
            .query(String.class)
            .single();
    String page =
        mvc.perform(get("/education/offerings/" + id))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("href=\"https://courses.example.fi/legacy-url\"");

    jdbc.sql("UPDATE education_offering SET source_url = ? WHERE id = ?::uuid")
        .params("javascript:alert(1)", id)
        .update();
    page =
        mvc.perform(get("/education/offerings/" + id))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).doesNotContain("javascript:");
    String json =
        mvc.perform(get("/api/v1/education/offerings/" + id))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json).contains("\"sourceId\"").doesNotContain("javascript:");
  }

  // --- a body far over what the service reads ---------------------------------------------------

  /**
   * A form far over the size limit is answered with 413, and the answer reaches the client each
   * time: Tomcat reads and drops the unread body rather than resetting the connection under the
   * answer already sent (server.tomcat.max-swallow-size). A CI run once lost this answer to a
   * reset.
   */
  @Test
  void aFormFarOverTheSizeLimitIsAnsweredEveryTimeNotReset() {
    OidcTestSupport.SignedInClient person = oidc.signIn(url(""), "large-form-sender");
    // About 19.5 MB once encoded, the size the fuzz test's longest form reaches.
    byte[] body =
        ("title=" + "%C3%A4%3Cb%3E".repeat(1_500_000)).getBytes(StandardCharsets.US_ASCII);
    for (int attempt = 0; attempt < 5; attempt++) {
      HttpResponse<byte[]> response =
          exchange(
              person,
              HttpRequest.newBuilder(URI.create(url("/profile/experiences")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(413);
    }
  }

  // --- a session whose account was deleted -------------------------------------------------------

  @Test
  void aSessionWhoseAccountWasDeletedElsewhereIsEndedAndNeverRecreatesTheAccount() {
    OidcTestSupport.SignedInClient first = oidc.signIn(url(""), "deleted-elsewhere");
    OidcTestSupport.SignedInClient second = oidc.signIn(url(""), "deleted-elsewhere");
    assertThat(first.get("/profile").statusCode()).isEqualTo(200);
    assertThat(second.get("/profile").statusCode()).isEqualTo(200);
    // The second browser holds a form (and its CSRF token) from before the deletion.
    exchange(second, HttpRequest.newBuilder(URI.create(url("/profile"))).GET());
    long people = jdbc.sql("SELECT count(*) FROM profile_person").query(Long.class).single();

    HttpResponse<String> deleted = first.postForm("/profile/delete", Map.of("confirm", "true"));
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(jdbc.sql("SELECT count(*) FROM profile_person").query(Long.class).single())
        .isEqualTo(people - 1);

    // The other browser's next write is refused, and its session is over for reads too.
    HttpResponse<byte[]> write =
        exchange(
            second,
            HttpRequest.newBuilder(URI.create(url("/profile/languages")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("language=fi&level=C1")));
    assertThat(write.statusCode()).isIn(401, 403, 409);
    assertThat(second.get("/profile").statusCode()).isNotEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM profile_person").query(Long.class).single())
        .isEqualTo(people - 1);
  }

  private static HttpResponse<byte[]> exchange(
      OidcTestSupport.SignedInClient client, HttpRequest.Builder request) {
    try {
      return client.exchange(request);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aJsonBodyThatIsNotJsonIsA400() throws Exception {
    mvc.perform(
            put("/api/v1/profile/consents/statistics")
                .with(oidc.person("not-json"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(new byte[] {'{', (byte) 0xC3, 0x28, '}'}))
        .andExpect(status().isBadRequest());
  }
}
