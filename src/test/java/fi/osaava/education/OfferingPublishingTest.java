package fi.osaava.education;

import static fi.osaava.web.FieldErrorAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An editor publishes an education offering on the editor pages: it is in education search as soon
 * as the page answers, with its facets, and an edit or a withdrawal shows there at once. The form
 * obeys the push API's rules (the same reader), so its errors name the field beside it and in the
 * summary, and nothing of a refused form is stored.
 */
class OfferingPublishingTest extends WebTestBase {

  static final String SKILL =
      "http://data.europa.eu/esco/skill/0fb753a1-2ef2-4429-84d2-ecb2b24daf7a";

  final String organisation = "https://org-" + UUID.randomUUID() + ".example.fi";

  private RequestPostProcessor editor() {
    return oidc.person(
        "editor-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisation));
  }

  /** A complete, valid form; a word unique to this run makes its offering findable. */
  private static MockHttpServletRequestBuilder form(String path, String word) {
    return form(path, word, Map.of());
  }

  /** The valid form with some fields replaced (a field given twice would bind as "a,b"). */
  private static MockHttpServletRequestBuilder form(
      String path, String word, Map<String, String> replaced) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("nameFi", "Kvanttihitsauksen " + word + " perusteet");
    fields.put("nameEn", "Quantum welding " + word + " basics");
    fields.put("descriptionFi", "Opit hitsaamaan kvanttitasolla. " + word);
    fields.put("provider", "Esimerkkiopisto");
    fields.put("level", "SHORT_COURSE");
    fields.put("extent", "2,5");
    fields.put("extentUnit", "competence points");
    fields.put("mode", "blended");
    fields.put("cost", "0");
    fields.put("startDate", "2099-01-15");
    fields.put("endDate", "2099-03-15");
    fields.put("url", "https://esimerkkiopisto.example.fi/kvanttihitsaus");
    fields.put("municipality", "837");
    fields.put("skills", SKILL);
    fields.putAll(replaced);
    MockHttpServletRequestBuilder request = post(path).param("languages", "fi", "en");
    fields.forEach(request::param);
    return request;
  }

  private String search(String text) throws Exception {
    return mvc.perform(get("/api/v1/education/search").param("q", text).param("lang", "fi"))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aPublishedOfferingIsSearchableAtOnceAndEditsAndWithdrawalShowThere() throws Exception {
    RequestPostProcessor me = editor();
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    MockHttpServletResponse created =
        mvc.perform(form("/publish/offerings", word).with(me)).andReturn().getResponse();
    assertThat(created.getStatus()).isEqualTo(302);
    String location = created.getRedirectedUrl();
    assertThat(location).matches("/publish/offerings/[0-9a-f-]{36}\\?saved");
    String id = location.substring("/publish/offerings/".length(), location.indexOf('?'));

    // In search at once, with the facets the form gave it.
    String hits = search(word);
    assertThat(hits).contains(id).contains("Kvanttihitsauksen " + word + " perusteet");
    String offering =
        mvc.perform(get("/api/v1/education/offerings/" + id).param("lang", "fi"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(offering)
        .contains("Esimerkkiopisto")
        .contains("https://esimerkkiopisto.example.fi/kvanttihitsaus")
        .contains("BLENDED")
        .contains("837")
        .contains(SKILL)
        .contains("competence points");

    // The edit form shows what was published, and the list says it is published.
    String edit =
        mvc.perform(get(location).with(me)).andReturn().getResponse().getContentAsString();
    assertThat(edit)
        .contains("value=\"Kvanttihitsauksen " + word + " perusteet\"")
        .contains("value=\"2.5\"")
        .contains("<option value=\"837\" selected=\"selected\">")
        .contains(SKILL)
        .contains("govuk-notification-banner--success");
    String list =
        mvc.perform(get("/publish/offerings").with(me))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("Kvanttihitsauksen " + word + " perusteet").contains("govuk-tag");

    // An edit replaces the name in search.
    String renamed = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    MockHttpServletResponse saved =
        mvc.perform(form("/publish/offerings/" + id, renamed).with(me)).andReturn().getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo(location);
    assertThat(search(renamed)).contains(id);
    assertThat(search(word)).doesNotContain(id);

    // Withdrawn, it leaves search but stays on the editor's list, marked so.
    MockHttpServletResponse withdrawn =
        mvc.perform(post("/publish/offerings/" + id + "/withdraw").with(me))
            .andReturn()
            .getResponse();
    assertThat(withdrawn.getRedirectedUrl()).isEqualTo("/publish/offerings?withdrawn");
    assertThat(search(renamed)).doesNotContain(id);
    assertThat(
            mvc.perform(get("/publish/offerings").with(me))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Kvanttihitsauksen " + renamed + " perusteet")
        .contains("govuk-tag--grey");

    // Publishing it again brings it back.
    mvc.perform(form("/publish/offerings/" + id, renamed).with(me));
    assertThat(search(renamed)).contains(id);
  }

  @Test
  void errorsNameTheFieldBesideItAndInTheSummaryAndStoreNothing() throws Exception {
    RequestPostProcessor me = editor();
    String word = "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Map<String, Map<String, String>> cases =
        Map.of(
            "nameFi", Map.of("nameFi", "", "nameEn", ""),
            "extent", Map.of("extent", "viisi"),
            "endDate", Map.of("endDate", "2098-01-01"),
            "startDate", Map.of("startDate", "15.1.2099"),
            "cost", Map.of("cost", "-5"),
            "url", Map.of("url", "javascript:alert(1)"),
            "municipality", Map.of("municipality", "999"),
            "skills", Map.of("skills", "kvanttihitsaus"),
            "level", Map.of("level", "PHD"));
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      MockHttpServletResponse response =
          mvc.perform(form("/publish/offerings", word, c.getValue()).with(me))
              .andReturn()
              .getResponse();
      String field = c.getKey();
      assertThat(response.getStatus()).as(field).isEqualTo(200);
      assertFieldError(response.getContentAsString(), field);
    }
    // The URL scheme is refused with the message that says what is accepted.
    MockHttpServletRequestBuilder javascript =
        form("/publish/offerings", word, Map.of("url", "javascript:alert(1)"));
    assertThat(mvc.perform(javascript.with(me)).andReturn().getResponse().getContentAsString())
        .contains("https://");
    assertThat(search(word)).as("nothing of a refused form is published").doesNotContain(word);
    assertThat(
            mvc.perform(get("/publish/offerings").with(me))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(word);
  }

  @Test
  void aNulCharacterIsRefusedWith400NamingTheField() throws Exception {
    String word = "zt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    MockHttpServletResponse response =
        mvc.perform(
                form("/publish/offerings", word, Map.of("descriptionFi", "a\u0000b"))
                    .accept(MediaType.TEXT_HTML)
                    .header("Accept-Language", "en")
                    .with(editor()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("Description in Finnish");
    assertThat(search(word)).doesNotContain(word);
  }

  @Test
  void thePushApiTakesTheSameExtentUnitsAsTheForm() throws Exception {
    String document =
        """
        {"@type": "Course", "@id": "https://courses.example.fi/%s", "name": "Tunteja",
         "numberOfCredits": {"value": 40, "unitText": "hours"}}
        """
            .formatted(UUID.randomUUID());
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/v1/education/offerings")
                    .header("Authorization", "Bearer " + oidc.bearerToken("education.publish"))
                    .contentType("application/ld+json")
                    .content(document))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("numberOfCredits.unitText");
  }
}
