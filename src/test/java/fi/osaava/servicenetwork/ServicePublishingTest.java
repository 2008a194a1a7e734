package fi.osaava.servicenetwork;

import static fi.osaava.web.FieldErrorAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.platform.BusinessId;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's service editor publishes, edits, withdraws and restores a service on the editor
 * pages, on the real database and search index: each step is in the directory's search (or out of
 * it) as soon as the page answers and announces {@link ServicesChanged}, as the push and the import
 * do; the form and the push give the very same record; the form's errors name the field; and
 * hostile input never gives a 500.
 */
@RecordApplicationEvents
class ServicePublishingTest extends WebTestBase {

  @Autowired ApplicationEvents events;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceDirectory directory;

  final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  final String businessId = randomBusinessId(new Random());

  @BeforeEach
  void generalDescriptions() {
    ServicesTestData.ensureImported(directory);
  }

  /** A business ID of nobody else in this test database (seven random digits, a check digit). */
  static String randomBusinessId(Random random) {
    while (true) {
      var id = BusinessId.of(1_000_000 + random.nextInt(8_999_999));
      if (id.isPresent()) {
        return id.get();
      }
    }
  }

  static RequestPostProcessor serviceEditor(
      fi.osaava.web.OidcTestSupport oidc, String organisation, String name) {
    return oidc.person(
        "service-editor-" + UUID.randomUUID(),
        Map.of(
            "osaava_roles",
            List.of("service-editor"),
            "osaava_organisation",
            organisation,
            "osaava_organisation_name",
            name));
  }

  private RequestPostProcessor editor() {
    // Not the run's word: the search finds services by their provider's name too.
    return serviceEditor(oidc, businessId, "Testikaupunki " + businessId);
  }

  /** A complete, valid form; the word makes its service findable. */
  static Map<String, List<String>> validForm(String word) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("nameFi", List.of("Urasuunnittelun " + word + " ohjaus"));
    fields.put("nameEn", List.of("Career " + word + " guidance"));
    fields.put("summaryFi", List.of("Maksutonta ohjausta."));
    fields.put("descriptionFi", List.of("Ohjaajat auttavat **urasuunnittelussa**. " + word));
    fields.put("type", List.of("CAREER_COUNSELLING"));
    fields.put("lifeSituations", List.of("UNEMPLOYED", "CHANGING_CAREER"));
    fields.put("targetGroups", List.of("alle 30-vuotiaat\nmaahan muuttaneet"));
    fields.put("areas", List.of("online"));
    fields.put("municipalities", List.of("Tampere"));
    fields.put("languages", List.of("fi", "en"));
    fields.put("otherLanguages", List.of("ru"));
    fields.put("chargeType", List.of("FREE"));
    fields.put("costInfoFi", List.of("Maksuton"));
    fields.put("webPage", List.of("https://ura.example.fi"));
    fields.put("phone", List.of("+358 40 123 4567"));
    fields.put("phoneOpens", List.of("9.00", "09:00", "", "", "", "", ""));
    fields.put("phoneCloses", List.of("16:00", "16:00", "", "", "", "", ""));
    fields.put("street", List.of("Kelloportinkatu 1"));
    fields.put("postalCode", List.of("33100"));
    fields.put("addressMunicipality", List.of("837"));
    fields.put("addressOpens", List.of("", "", "12:00", "", "", "", ""));
    fields.put("addressCloses", List.of("", "", "18:00", "", "", "", ""));
    return fields;
  }

  static MockHttpServletRequestBuilder form(String path, Map<String, List<String>> fields) {
    MockHttpServletRequestBuilder request = post(path).header("Accept-Language", "en");
    fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
    return request;
  }

  private MockHttpServletRequestBuilder form(
      String path, String word, Map<String, List<String>> replaced) {
    Map<String, List<String>> fields = validForm(word);
    fields.putAll(replaced);
    return form(path, fields);
  }

  private JsonNode search(String text) throws Exception {
    return JsonMapper.shared()
        .readTree(
            mvc.perform(get("/api/v1/services").param("q", text))
                .andReturn()
                .getResponse()
                .getContentAsString());
  }

  private List<String> found(String text) throws Exception {
    List<String> ids = new ArrayList<>();
    search(text).path("items").forEach(i -> ids.add(i.path("id").asString()));
    return ids;
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).header("Accept-Language", "en").with(who)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private List<ServicesChanged.Kind> changesOf(String id) {
    return events.stream(ServicesChanged.class)
        .flatMap(e -> e.changes().stream())
        .filter(c -> c.service().toString().equals(id))
        .map(ServicesChanged.Change::kind)
        .toList();
  }

  @Test
  void aPublishedServiceIsSearchableAtOnceAndEditsWithdrawalAndRestoringShowThere()
      throws Exception {
    RequestPostProcessor me = editor();
    MockHttpServletResponse created =
        mvc.perform(form("/publish/services", validForm(run)).with(me)).andReturn().getResponse();
    assertThat(created.getStatus()).isEqualTo(302);
    String location = created.getRedirectedUrl();
    assertThat(location).matches("/publish/services/[0-9a-f-]{36}\\?saved");
    String id = location.substring("/publish/services/".length(), location.indexOf('?'));
    assertThat(changesOf(id)).containsExactly(ServicesChanged.Kind.ADDED);

    // In search at once, as the form gave it, under the editor's organisation.
    assertThat(found(run)).contains(id);
    JsonNode service =
        JsonMapper.shared()
            .readTree(
                mvc.perform(get("/api/v1/services/" + id))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
    assertThat(service.path("organisation").path("businessId").asString()).isEqualTo(businessId);
    assertThat(service.path("organisation").path("name").path("fi").asString())
        .isEqualTo("Testikaupunki " + businessId);
    assertThat(service.path("type").asString()).isEqualTo("CAREER_COUNSELLING");
    assertThat(service.path("areas").toString()).contains("online", "municipality:837");
    assertThat(service.path("languages").toString()).contains("fi", "en", "ru");
    assertThat(service.path("cost").path("type").asString()).isEqualTo("FREE");
    assertThat(service.path("channels").toString())
        .contains("https://ura.example.fi", "+358 40 123 4567", "Kelloportinkatu 1")
        // As HH:MM, the format the push reads, so what the API gives can be pushed back.
        .contains("\"days\":[\"MONDAY\",\"TUESDAY\"],\"opens\":\"09:00\",\"closes\":\"16:00\"}")
        .contains("\"days\":[\"WEDNESDAY\"],\"opens\":\"12:00\",\"closes\":\"18:00\"}");
    // The service's public page shows the description as text: Markdown stays inert.
    assertThat(page("/services/" + id, me))
        .contains("**urasuunnittelussa**")
        .doesNotContain("<strong>urasuunnittelussa");

    // The edit form holds what was published; the list says it is published.
    String edit = page(location, me);
    assertThat(edit)
        .contains("value=\"Urasuunnittelun " + run + " ohjaus\"")
        .contains("Tampere</textarea>")
        .contains("value=\"09:00\"")
        .containsPattern("value=\"CAREER_COUNSELLING\"\\s+checked")
        .contains("govuk-notification-banner--success");
    // The list names each service in the reader's language.
    assertThat(page("/publish/services", me))
        .contains("Career " + run + " guidance")
        .doesNotContain("govuk-tag--grey");

    // An edit replaces the name in search, under the same id.
    String renamed = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    MockHttpServletResponse saved =
        mvc.perform(form("/publish/services/" + id, validForm(renamed)).with(me))
            .andReturn()
            .getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo(location);
    assertThat(found(renamed)).contains(id);
    assertThat(found(run)).doesNotContain(id);

    // Withdrawn, it leaves search and its public address, but stays on the editor's list.
    MockHttpServletResponse withdrawn =
        mvc.perform(post("/publish/services/" + id + "/withdraw").with(me))
            .andReturn()
            .getResponse();
    assertThat(withdrawn.getRedirectedUrl()).isEqualTo("/publish/services/" + id + "?withdrawn");
    assertThat(found(renamed)).doesNotContain(id);
    assertThat(mvc.perform(get("/api/v1/services/" + id)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(page("/publish/services", me)).contains(renamed).contains("govuk-tag--grey");
    assertThat(page("/publish/services/" + id + "?withdrawn", me))
        .contains("/publish/services/" + id + "/restore");

    // A second withdrawal changes nothing and announces nothing.
    mvc.perform(post("/publish/services/" + id + "/withdraw").with(me));
    // Restored, it is back as it was.
    mvc.perform(post("/publish/services/" + id + "/restore").with(me));
    assertThat(found(renamed)).contains(id);
    assertThat(changesOf(id))
        .containsExactly(
            ServicesChanged.Kind.ADDED,
            ServicesChanged.Kind.UPDATED,
            ServicesChanged.Kind.RETIRED,
            ServicesChanged.Kind.UPDATED);
  }

  @Test
  void theFormAndThePushGiveTheSameRecord() throws Exception {
    RequestPostProcessor me = editor();
    String location =
        mvc.perform(form("/publish/services", validForm(run)).with(me))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String id = location.substring("/publish/services/".length(), location.indexOf('?'));
    String sourceId =
        jdbc.sql("select source_id from services_service where id = ?")
            .param(UUID.fromString(id))
            .query(String.class)
            .single();
    assertThat(sourceId).startsWith(businessId + "/osaava-");
    // The same service in the documented format: stored as it is, so nothing changes.
    String body =
        """
        {"id": "%s", "organisation": {"businessId": "%s", "name": {"fi": "Testikaupunki %s"}},
         "name": {"fi": "Urasuunnittelun %s ohjaus", "en": "Career %s guidance"},
         "summary": {"fi": "Maksutonta ohjausta."},
         "description": {"fi": "Ohjaajat auttavat **urasuunnittelussa**. %s"},
         "type": "CAREER_COUNSELLING", "lifeSituations": ["UNEMPLOYED", "CHANGING_CAREER"],
         "targetGroups": ["alle 30-vuotiaat", "maahan muuttaneet"],
         "areas": ["online", "municipality:837"], "languages": ["fi", "en", "ru"],
         "cost": {"type": "FREE", "info": {"fi": "Maksuton"}},
         "channels": [
           {"type": "WEB_PAGE", "url": "https://ura.example.fi"},
           {"type": "PHONE", "phone": "+358 40 123 4567",
            "hours": [{"days": ["MONDAY", "TUESDAY"], "opens": "09:00", "closes": "16:00"}]},
           {"type": "VISITING_ADDRESS",
            "address": {"street": "Kelloportinkatu 1", "postalCode": "33100", "municipality": "837"},
            "hours": [{"days": ["WEDNESDAY"], "opens": "12:00", "closes": "18:00"}]}]}
        """
            .formatted(
                sourceId.substring(sourceId.indexOf('/') + 1),
                businessId,
                businessId,
                run,
                run,
                run);
    String ownClient = servicesClientToken(businessId);
    MockHttpServletResponse pushed =
        mvc.perform(
                post("/api/v1/services")
                    .header("Authorization", "Bearer " + ownClient)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse();
    assertThat(pushed.getStatus()).isEqualTo(200);
    JsonNode report = JsonMapper.shared().readTree(pushed.getContentAsString());
    assertThat(report.path("unchanged").asInt()).as(report.toString()).isEqualTo(1);
    assertThat(report.path("added").asInt()).isZero();

    // A service the organisation pushed is the organisation's to edit on the pages too.
    String pushedId = UUID.randomUUID().toString();
    String other =
        body.replace(sourceId.substring(sourceId.indexOf('/') + 1), "pushed-" + pushedId)
            .replace("Career " + run, "Pushed " + pushedId);
    mvc.perform(
        post("/api/v1/services")
            .header("Authorization", "Bearer " + ownClient)
            .contentType(MediaType.APPLICATION_JSON)
            .content(other));
    assertThat(page("/publish/services", me)).contains("Pushed " + pushedId);
  }

  @Test
  void aClientPushesOnlyServicesOfTheOrganisationItIsRegisteredFor() throws Exception {
    String otherBusinessId = randomBusinessId(new Random(run.hashCode()));
    String word = "oma" + UUID.randomUUID().toString().substring(0, 8);
    String ours =
        """
        {"id": "own-%1$s", "organisation": {"businessId": "%2$s", "name": {"fi": "Testikaupunki"}},
         "name": {"fi": "Ohjaus %1$s"}, "type": "GUIDANCE", "areas": ["country"]}"""
            .formatted(word, businessId);
    String without =
        """
        {"id": "none-%1$s", "organisation": {"name": {"fi": "Yhdistys"}},
         "name": {"fi": "Ohjaus %1$s"}, "type": "GUIDANCE", "areas": ["country"]}"""
            .formatted(word);
    // Another organisation's registered client and an unregistered one (which has no business
    // ID) push the organisation's service; the organisation's own client pushes its service and
    // then one without a business ID.
    List<String> tokens =
        List.of(
            servicesClientToken(otherBusinessId),
            oidc.bearerToken("services.publish"),
            servicesClientToken(businessId));
    List<String> bodies =
        List.of("[" + ours + "]", "[" + ours + "]", "[" + ours + ",\n" + without + "]");
    for (int i = 0; i < tokens.size(); i++) {
      MockHttpServletResponse response = push(tokens.get(i), bodies.get(i));
      assertThat(response.getStatus()).as(bodies.get(i)).isEqualTo(403);
      JsonNode problem = JsonMapper.shared().readTree(response.getContentAsString());
      assertThat(problem.path("field").asString()).isEqualTo("organisation.businessId");
      // The second record of the last batch starts on the line after the first one's lines.
      assertThat(problem.path("line").asInt())
          .isEqualTo(i < 2 ? 1 : (int) ours.lines().count() + 1);
      assertThat(problem.path("detail").asString()).contains("field 'organisation.businessId'");
    }
    // All or nothing: none of the refused batches stored anything.
    assertThat(
            jdbc.sql("select count(*) from services_service where name_fi = ?")
                .param("Ohjaus " + word)
                .query(Integer.class)
                .single())
        .isZero();
    // The organisation's own client publishes its service; an unregistered one one without an ID.
    assertThat(push(servicesClientToken(businessId), ours).getStatus()).isEqualTo(200);
    assertThat(push(oidc.bearerToken("services.publish"), without).getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse push(String token, String body) throws Exception {
    return mvc.perform(
            post("/api/v1/services")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn()
        .getResponse();
  }

  @Test
  void errorsNameTheFieldBesideItAndInTheSummaryAndStoreNothing() throws Exception {
    RequestPostProcessor me = editor();
    Map<String, Map<String, List<String>>> cases = new LinkedHashMap<>();
    cases.put("nameFi", Map.of("nameFi", List.of(" "), "nameEn", List.of("")));
    cases.put("webPage", Map.of("webPage", List.of("javascript:alert(1)")));
    cases.put("phone", Map.of("phone", List.of("soita meille")));
    cases.put("postalCode", Map.of("postalCode", List.of("331")));
    cases.put("eService", Map.of("eService", List.of("ftp://asiointi.example.fi")));
    cases.put("otherLanguages", Map.of("otherLanguages", List.of("englanti")));
    cases.put("municipalities", Map.of("municipalities", List.of("Tampere, Atlantis")));
    cases.put("generalDescription", Map.of("generalDescription", List.of("not-a-uuid")));
    cases.put("street", Map.of("street", List.of("")));
    cases.put("targetGroups", Map.of("targetGroups", List.of("x".repeat(201))));
    for (var c : cases.entrySet()) {
      MockHttpServletResponse response =
          mvc.perform(form("/publish/services", run, c.getValue()).with(me))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(c.getKey()).isEqualTo(200);
      assertFieldError(response.getContentAsString(), c.getKey());
    }
    // Fields that are groups (boxes, a choice, a week of times) carry the error on their fieldset.
    List<Map.Entry<String, Map<String, List<String>>>> groups =
        List.of(
            Map.entry("type", Map.of("type", List.of("ASTRONAUT"))),
            Map.entry("lifeSituations", Map.of("lifeSituations", List.of("<script>x</script>"))),
            Map.entry("areas", Map.of("areas", List.of(), "municipalities", List.of(""))),
            Map.entry("languages", Map.of("languages", List.of("xx"))),
            Map.entry("chargeType", Map.of("chargeType", List.of("EXPENSIVE"))),
            Map.entry(
                "phoneHours",
                Map.of(
                    "phoneOpens",
                    List.of("25:00", "", "", "", "", "", ""),
                    "phoneCloses",
                    List.of())),
            Map.entry(
                "addressHours",
                Map.of(
                    "addressOpens",
                    List.of("", "", "18:00", "", "", "", ""),
                    "addressCloses",
                    List.of("", "", "12:00", "", "", "", ""))),
            Map.entry(
                "phoneHours",
                Map.of("phoneOpens", List.of("1", "2", "3", "4", "5", "6", "7", "8"))));
    for (var c : groups) {
      MockHttpServletResponse response =
          mvc.perform(form("/publish/services", run, c.getValue()).with(me))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(c.getKey()).isEqualTo(200);
      assertThat(response.getContentAsString())
          .as(c.getKey())
          .contains("href=\"#" + c.getKey() + "\"")
          .contains("id=\"" + c.getKey() + "-error\"")
          .contains("id=\"" + c.getKey() + "\"")
          .doesNotContain("<script>x");
    }
    assertThat(found(run)).as("nothing of a refused form is published").isEmpty();
    assertThat(page("/publish/services", me)).doesNotContain("Career " + run);
  }

  @Test
  void aNulCharacterIsRefusedWith400NamingTheField() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                form("/publish/services", run, Map.of("descriptionFi", List.of("a\u0000b")))
                    .accept(MediaType.TEXT_HTML)
                    .with(editor()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("Description in Finnish");
    assertThat(found(run)).isEmpty();
  }

  /**
   * Seeded random hostile forms: any field may hold markup, very long text, odd Unicode, many
   * values or nothing. The oracle: never a server error, and a form that was accepted is the
   * editor's organisation's service and nobody else's.
   */
  @Test
  void hostileFormsNeverGiveAServerError() throws Exception {
    Random random = new Random(20261215L);
    RequestPostProcessor me = editor();
    List<String> hostile =
        List.of(
            "<script>alert(1)</script>",
            "\" onmouseover=\"x",
            "x".repeat(25_000),
            "\uD83D\uDE00\u202E",
            "../../etc/passwd",
            "region:99",
            "municipality:000",
            "MONDAY",
            "24:00",
            "9.60",
            "",
            "%00",
            "{\"id\": 1}",
            UUID.randomUUID().toString());
    List<String> fields = new ArrayList<>(validForm(run).keySet());
    fields.addAll(List.of("summarySv", "descriptionEn", "eService", "generalDescription"));
    for (int i = 0; i < 40; i++) {
      Map<String, List<String>> replaced = new LinkedHashMap<>();
      for (int j = 0; j < 3; j++) {
        List<String> values = new ArrayList<>();
        int count = random.nextInt(10) == 0 ? 30 : 1 + random.nextInt(2);
        for (int k = 0; k < count; k++) {
          values.add(hostile.get(random.nextInt(hostile.size())));
        }
        replaced.put(fields.get(random.nextInt(fields.size())), values);
      }
      MockHttpServletResponse response =
          mvc.perform(form("/publish/services", run + i, replaced).with(me))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(replaced.toString()).isIn(200, 302, 400);
      assertThat(response.getContentAsString()).doesNotContain("<script>alert(1)");
      if (response.getStatus() == 302) {
        String location = response.getRedirectedUrl();
        String id = location.substring("/publish/services/".length(), location.indexOf('?'));
        assertThat(
                jdbc.sql("select organisation_business_id from services_service where id = ?")
                    .param(UUID.fromString(id))
                    .query(String.class)
                    .single())
            .isEqualTo(businessId);
      }
    }
  }
}
