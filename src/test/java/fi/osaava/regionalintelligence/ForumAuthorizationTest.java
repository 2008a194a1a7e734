package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Route-by-route authorisation of the regional forums (issue 18, section 5), generated from
 * Spring's handler mappings: every {@code /regional-forums} route must have a rule in {@link
 * #RULES}, or this test fails. Published forums, their events and calendar files are open to
 * everyone; registering needs a signed-in person; only the owning organisation's regional
 * developers change a forum, and another organisation's developer finds nothing to change. Hostile
 * form input gets field errors, never a 500.
 */
class ForumAuthorizationTest extends WebTestBase {

  static final String SECRET = "B-foorumi-" + UUID.randomUUID();

  /**
   * Each route's rule; its target is {@code own} (no forum id), {@code forum} (B's forum), {@code
   * public} (everyone reads B's published forum) or {@code person} (a signed-in person's own
   * registration).
   */
  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /regional-forums", Rule.of("public"));
    RULES.put("GET /regional-forums/{id}", Rule.of("public"));
    RULES.put("GET /regional-forums/{id}/events/{event}", Rule.of("public"));
    RULES.put("GET /regional-forums/{id}/events/{event}/calendar.ics", Rule.of("public"));
    RULES.put(
        "POST /regional-forums/{id}/events/{event}/register",
        Rule.of("person", Map.of("organisation", "Konepaja Oy")));
    RULES.put("POST /regional-forums/{id}/events/{event}/unregister", Rule.of("person"));
    // Registration without an account: anyone, the confirmation mail's link is the key.
    RULES.put(
        "POST /regional-forums/guest-registrations",
        Rule.of(
            "guest",
            Map.of(
                "forum", "FORUM",
                "event", "EVENT",
                "guestName", "Vieras",
                "guestOrganisation", "Vierailija Oy",
                "guestEmail", "vieras@example.fi")));
    RULES.put("GET /regional-forums/registrations/{token}", Rule.of("link"));
    RULES.put(
        "POST /regional-forums/registrations/cancel", Rule.of("link", Map.of("token", "TOKEN")));
    RULES.put("GET /regional-forums/manage", Rule.own());
    RULES.put(
        "POST /regional-forums/manage", Rule.own(Map.of("title", "A:n foorumi", "region", "01")));
    RULES.put("GET /regional-forums/manage/{id}", Rule.of("forum"));
    RULES.put(
        "POST /regional-forums/manage/{id}",
        Rule.of("forum", Map.of("title", "A overwrites", "region", "02")));
    RULES.put(
        "POST /regional-forums/manage/{id}/events",
        Rule.of(
            "forum",
            Map.of(
                "eventTitle", "A overwrites",
                "starts", "2026-12-01T09:00",
                "ends", "2026-12-01T12:00",
                "place", "Turku",
                "capacity", "10")));
    RULES.put("GET /regional-forums/manage/{id}/events/{event}", Rule.of("forum"));
    RULES.put(
        "POST /regional-forums/manage/{id}/events/{event}",
        Rule.of(
            "forum",
            Map.of(
                "eventTitle", "A overwrites",
                "starts", "2026-12-02T09:00",
                "ends", "2026-12-02T12:00",
                "place", "Turku",
                "onlineUrl", "",
                "capacity", "40")));
    RULES.put(
        "POST /regional-forums/manage/{id}/events/{event}/cancel",
        Rule.of("forum", Map.of("reason", "A overwrites", "reasonLanguage", "en")));
    RULES.put(
        "POST /regional-forums/manage/{id}/materials",
        Rule.of("forum", Map.of("materialTitle", "A overwrites", "url", "https://a.example.fi")));
    RULES.put("POST /regional-forums/manage/{id}/materials/{material}/delete", Rule.of("forum"));
    RULES.put(
        "POST /regional-forums/manage/{id}/results",
        Rule.of("forum", Map.of("results", "A overwrites")));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired fi.osaava.regionalintelligence.internal.projects.ProjectRegistry registry;

  RequestPostProcessor b;
  String forum;
  String event;
  String material;

  RequestPostProcessor ownerOf(String organisation) {
    return oidc.person(
        "developer-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("regional-developer"), "osaava_organisation", organisation));
  }

  RouteRules table() {
    return new RouteRules(mappings, pattern -> pattern.startsWith("/regional-forums"), RULES);
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  /** B's published forum with an event and a material. */
  @BeforeEach
  void organisationB() throws Exception {
    b = ownerOf("https://b-" + UUID.randomUUID() + ".example.fi");
    String location =
        mvc.perform(
                post("/regional-forums/manage")
                    .with(b)
                    .param("title", "Foorumi " + SECRET)
                    .param("region", "01")
                    .param("subRegion", "011")
                    .param("published", "true"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).as("B created a forum").startsWith("/regional-forums/manage/");
    forum = location.substring("/regional-forums/manage/".length()).replaceAll("\\?.*", "");
    String eventLocation =
        mvc.perform(
                post("/regional-forums/manage/" + forum + "/events")
                    .with(b)
                    .param("eventTitle", "Tapaaminen " + SECRET)
                    .param("agenda", "1. Avaus")
                    .param("starts", "2026-11-20T09:00")
                    .param("ends", "2026-11-20T12:00")
                    .param("place", "Helsinki")
                    .param("capacity", "30"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(eventLocation).as("B added an event").contains("/events/");
    event = eventLocation.substring(eventLocation.lastIndexOf('/') + 1);
    mvc.perform(
        post("/regional-forums/manage/" + forum + "/materials")
            .with(b)
            .param("materialTitle", "Muistio " + SECRET)
            .param("markdown", "# Muistio"));
    Matcher m =
        Pattern.compile("/materials/([0-9a-f-]{36})/delete")
            .matcher(page("/regional-forums/manage/" + forum, b));
    assertThat(m.find()).as("B's material is listed").isTrue();
    material = m.group(1);
  }

  private MockHttpServletRequestBuilder build(String route) {
    return table()
        .request(
            route,
            (variable, rule) ->
                switch (variable) {
                  case "event" -> event;
                  case "material" -> material;
                  case "token" -> guestLink();
                  default -> forum;
                },
            v ->
                switch (v) {
                  case "FORUM" -> forum;
                  case "EVENT" -> event;
                  case "TOKEN" -> guestLink();
                  default -> v;
                });
  }

  @Autowired fi.osaava.regionalintelligence.internal.forums.Forums forums;

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** A guest registered for B's event just now: the token of their confirmation mail's link. */
  private String guestLink() {
    String email = "link-" + UUID.randomUUID() + "@example.fi";
    forums.registerGuest(
        UUID.fromString(event),
        new fi.osaava.regionalintelligence.internal.forums.Forums.GuestDetails(
            "Linkki", "Linkki Oy", email, false, fi.osaava.platform.Language.FI));
    String link =
        jdbc.sql("select link from nt_address_outbox where email = ?")
            .param(email)
            .query(String.class)
            .single();
    return link.substring(link.lastIndexOf('/') + 1);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(20, ForumAuthorizationTest.class);
  }

  @Test
  void anotherOrganisationCannotEditAndPeopleWithoutTheRoleAreRefused() throws Exception {
    // A project in the registry, offered on the owners' forms (any organisation's may be linked).
    String csv =
        "project_id,project_name,start,end,funding_eur,funding_source,region,themes,actor_id,"
            + "actor_name,actor_kind,business_id,role\n"
            + "fp,Hanke foorumille,2026-01-01,2027-12-31,1000,ESR+,01,tag:x,fk,Koulu,education,,"
            + "coordinator\n";
    registry.importBytes(
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "p.csv", "https://p.example.fi");
    assertThat(page("/regional-forums/manage/" + forum, b)).contains("Hanke foorumille");
    RequestPostProcessor a = ownerOf("https://a-" + UUID.randomUUID() + ".example.fi");
    List<RequestPostProcessor> notOwners =
        List.of(
            oidc.person("citizen-" + UUID.randomUUID()),
            oidc.person(
                "editor-" + UUID.randomUUID(),
                Map.of("osaava_roles", List.of("editor"), "osaava_organisation", "https://b")));
    List<String> problems = new ArrayList<>();
    for (String route : table().routes()) {
      if (!route.contains("/manage")) {
        continue;
      }
      Rule rule = table().rule(route);
      MockHttpServletResponse byA = mvc.perform(build(route).with(a)).andReturn().getResponse();
      if (rule.target().equals("forum") && byA.getStatus() != 404) {
        problems.add(route + " with B's forum answered A " + byA.getStatus());
      }
      if (byA.getContentAsString().contains(SECRET)) {
        problems.add(route + " showed B's forum to A");
      }
      for (RequestPostProcessor person : notOwners) {
        int status = mvc.perform(build(route).with(person)).andReturn().getResponse().getStatus();
        if (status != 403) {
          problems.add(route + " answered a non-owner " + status);
        }
      }
    }
    assertThat(problems).isEmpty();
    // B's forum is as B left it.
    String after = page("/regional-forums/manage/" + forum, b);
    assertThat(after)
        .contains("Foorumi " + SECRET, "Muistio " + SECRET)
        .doesNotContain("A overwrites");
    assertThat(page("/regional-forums/" + forum, b)).doesNotContain("A overwrites");
    assertThat(page("/regional-forums/" + forum + "/events/" + event, b))
        .as("B's event stands")
        .doesNotContain("cancelled-tag");
  }

  @Test
  void theOwnerCancelsAnEventWithAReasonAndItTakesNoMoreRegistrations() throws Exception {
    String eventPath = "/regional-forums/" + forum + "/events/" + event;
    String manage = "/regional-forums/manage/" + forum + "/events/" + event;
    RequestPostProcessor holder = oidc.person("participant-" + UUID.randomUUID());
    mvc.perform(post(eventPath + "/register").with(holder).param("organisation", "Konepaja Oy"));
    // The cancel form in each language, the reason's language the editor's own by default.
    for (String language : List.of("fi", "sv", "en")) {
      assertThat(page(manage + "?lang=" + language, b))
          .contains(
              switch (language) {
                case "fi" -> "Peru tilaisuus";
                case "sv" -> "Ställ in evenemanget";
                default -> "Cancel the event";
              })
          .containsPattern("value=\"" + language + "\"[^>]*checked");
    }
    // A reason is required, in one of the service's languages: field errors, nothing changed.
    for (Map<String, String> bad :
        List.of(
            Map.of("reason", " ", "reasonLanguage", "sv"),
            Map.of("reason", "x".repeat(2_001), "reasonLanguage", "sv"),
            Map.of("reason", "Sjukdom", "reasonLanguage", "de"),
            Map.of("reason", "Sjukdom", "reasonLanguage", "<script>"))) {
      MockHttpServletRequestBuilder request = post(manage + "/cancel").with(b);
      bad.forEach(request::param);
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      assertThat(response.getStatus()).as(bad.toString()).isEqualTo(400);
      assertThat(response.getContentAsString())
          .as(bad.toString())
          .contains(
              bad.get("reason").isBlank() || bad.get("reason").length() > 2_000
                  ? "reason-error"
                  : "reasonLanguage-error",
              "govuk-error-summary");
    }
    assertThat(page(eventPath, b)).doesNotContain("cancelled-tag");

    assertThat(
            mvc.perform(
                    post(manage + "/cancel")
                        .with(b)
                        .param("reason", "Talaren är sjuk.")
                        .param("reasonLanguage", "sv"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?cancelled");
    // Shown as cancelled on its page (the reason marked Swedish) and in the forum's list.
    assertThat(page(eventPath + "?lang=en", holder))
        .contains("id=\"cancelled-tag\"", "Talaren är sjuk.", "no-registration")
        .doesNotContain("id=\"places\"")
        .containsPattern("id=\"cancel-reason\"[^>]*lang=\"sv\"")
        .doesNotContain("id=\"register\"");
    assertThat(page("/regional-forums/" + forum + "?lang=fi", holder)).contains("Peruttu");
    assertThat(page(manage, b)).contains("id=\"cancellation\"").doesNotContain("save-event");
    // It takes no registrations.
    assertThat(
            mvc.perform(
                    post(eventPath + "/register")
                        .with(oidc.person("late-" + UUID.randomUUID()))
                        .param("organisation", "Myöhäinen Oy"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?CANCELLED");
    assertThat(page(eventPath, b)).doesNotContain("Myöhäinen Oy");
    // Its calendar file cancels it: the same UID, a higher SEQUENCE.
    String ics =
        mvc.perform(get(eventPath + "/calendar.ics"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(ics)
        .contains(
            "METHOD:CANCEL", "STATUS:CANCELLED", "UID:forum-" + event + "@osaava", "SEQUENCE:1");
    // A cancelled event is neither changed nor cancelled again.
    assertThat(
            mvc.perform(
                    post(manage + "/cancel")
                        .with(b)
                        .param("reason", "Again")
                        .param("reasonLanguage", "en"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);
    assertThat(
            mvc.perform(
                    post(manage)
                        .with(b)
                        .param("eventTitle", "Revived")
                        .param("starts", "2026-11-21T09:00")
                        .param("ends", "2026-11-21T12:00")
                        .param("place", "Espoo")
                        .param("capacity", "30"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);
    assertThat(page(eventPath, b)).doesNotContain("Revived");
  }

  @Test
  void anonymousCallersReadButCannotRegisterOrEdit() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      MockHttpServletResponse anonymous =
          mvc.perform(build(route).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      if (rule.target().equals("public")
          || route.startsWith("GET") && rule.target().equals("link")) {
        if (anonymous.getStatus() != 200) {
          problems.add(route + " anonymous answered " + anonymous.getStatus());
        }
      } else if (rule.target().equals("guest") || rule.target().equals("link")) {
        // No sign-in: a guest registers, and the link cancels, back to the event's page.
        if (anonymous.getStatus() != 302
            || !String.valueOf(anonymous.getRedirectedUrl()).contains("/events/" + event + "?")) {
          problems.add(route + " anonymous answered " + anonymous.getStatus());
        }
      } else if (anonymous.getStatus() != 302
          || !String.valueOf(anonymous.getRedirectedUrl()).endsWith("/sign-in")) {
        problems.add(route + " anonymous answered " + anonymous.getStatus());
      }
    }
    assertThat(problems).isEmpty();
    // Nobody was registered by the anonymous attempts.
    String eventPage = page("/regional-forums/" + forum + "/events/" + event, b);
    assertThat(eventPage).doesNotContain("Konepaja Oy");
    MockHttpServletResponse ics =
        mvc.perform(get("/regional-forums/" + forum + "/events/" + event + "/calendar.ics"))
            .andReturn()
            .getResponse();
    assertThat(ics.getContentType()).startsWith("text/calendar");
    assertThat(ics.getContentAsString())
        .contains("BEGIN:VEVENT", "UID:forum-" + event + "@osaava", "Tapaaminen " + SECRET);
  }

  @Test
  void aSignedInPersonRegistersWithTheirOrganisationAndTheirNameOnlyIfShown() throws Exception {
    RequestPostProcessor hidden = oidc.person("participant-" + UUID.randomUUID());
    RequestPostProcessor shown = oidc.person("participant-" + UUID.randomUUID());
    String register = "/regional-forums/" + forum + "/events/" + event + "/register";
    assertThat(
            mvc.perform(
                    post(register)
                        .with(hidden)
                        .param("organisation", "Konepaja Oy")
                        .param("name", "Salainen Nimi"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?REGISTERED");
    mvc.perform(
        post(register)
            .with(shown)
            .param("organisation", "Esimerkkiopisto")
            .param("showName", "true")
            .param("name", "Maija Meikäläinen"));
    String anonymousPage =
        mvc.perform(get("/regional-forums/" + forum + "/events/" + event))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(anonymousPage)
        .contains("Konepaja Oy", "Esimerkkiopisto", "Maija Meikäläinen")
        .doesNotContain("Salainen Nimi");
    // The owner cannot shrink the event below the two places taken: the field says so.
    MockHttpServletResponse shrink =
        mvc.perform(
                post("/regional-forums/manage/" + forum + "/events/" + event)
                    .with(b)
                    .param("eventTitle", "Tapaaminen " + SECRET)
                    .param("starts", "2026-11-20T09:00")
                    .param("ends", "2026-11-20T12:00")
                    .param("place", "Helsinki")
                    .param("capacity", "1"))
            .andReturn()
            .getResponse();
    assertThat(shrink.getStatus()).isEqualTo(400);
    assertThat(shrink.getContentAsString()).contains("capacity-error", "govuk-error-summary");
    // Exactly full: the next person joins the waiting list, sees their number, and gets the place
    // when someone cancels.
    assertThat(
            mvc.perform(
                    post("/regional-forums/manage/" + forum + "/events/" + event)
                        .with(b)
                        .param("eventTitle", "Tapaaminen " + SECRET)
                        .param("starts", "2026-11-20T10:00")
                        .param("ends", "2026-11-20T12:00")
                        .param("place", "Helsinki, Sali 2")
                        .param("onlineUrl", "")
                        .param("capacity", "2"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?saved");
    RequestPostProcessor third = oidc.person("participant-" + UUID.randomUUID());
    assertThat(
            mvc.perform(post(register).with(third).param("organisation", "Jonottaja Oy"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?WAITING");
    String eventPath = "/regional-forums/" + forum + "/events/" + event;
    assertThat(page(eventPath, third))
        .contains("id=\"queued\"", "Sali 2")
        .doesNotContain("Jonottaja Oy");
    assertThat(page("/regional-forums/manage/" + forum + "/events/" + event, b))
        .contains("Jonottaja Oy");
    mvc.perform(post(eventPath + "/unregister").with(hidden));
    assertThat(page(eventPath, third)).contains("id=\"registered\"", "Jonottaja Oy");
    // The owner's event page, in each language.
    for (String language : List.of("fi", "sv", "en")) {
      assertThat(
              page(
                  "/regional-forums/manage/" + forum + "/events/" + event + "?lang=" + language, b))
          .contains(
              switch (language) {
                case "fi" -> "Muuta tilaisuutta";
                case "sv" -> "Ändra evenemanget";
                default -> "Change the event";
              });
    }
    // Hostile input: field errors, never a 500, nothing stored.
    Map<String, Map<String, String>> hostile =
        Map.of(
            "organisation", Map.of("organisation", " "),
            "name", Map.of("organisation", "X", "showName", "true", "name", ""),
            "organisation  ", Map.of("organisation", "x".repeat(301)));
    for (var e : hostile.entrySet()) {
      MockHttpServletRequestBuilder request =
          post(register).with(oidc.person("hostile-" + UUID.randomUUID()));
      e.getValue().forEach(request::param);
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      assertThat(response.getStatus()).as(e.getValue().toString()).isEqualTo(400);
      assertThat(response.getContentAsString()).contains(e.getKey().strip() + "-error");
    }
    // A NUL in a form value is refused before the controller (the firewall): a 400, not a 500.
    assertThat(
            mvc.perform(
                    post(register)
                        .with(oidc.person("hostile-" + UUID.randomUUID()))
                        .param("organisation", "a\u0000b"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(400);
  }

  @Test
  void hostileOwnerInputGivesFieldErrorsNotAServerError() throws Exception {
    String base = "/regional-forums/manage/" + forum;
    record Case(String path, Map<String, String> params, String field) {}
    List<Case> cases =
        List.of(
            new Case("/regional-forums/manage", Map.of("title", "", "region", "01"), "title"),
            new Case(base, Map.of("title", "T", "region", "' or 1=1--"), "region"),
            new Case(base, Map.of("title", "T", "region", "01", "subRegion", "064"), "subRegion"),
            new Case(base, Map.of("title", "T", "region", "01", "survey", "<script>"), "survey"),
            new Case(
                base,
                Map.of("title", "T", "region", "01", "survey", UUID.randomUUID().toString()),
                "survey"),
            new Case(base, Map.of("title", "T", "region", "01", "projects", "x"), "projects"),
            new Case(
                base,
                Map.of("title", "T", "region", "01", "projects", UUID.randomUUID().toString()),
                "projects"),
            new Case(base, Map.of("title", "T".repeat(201), "region", "01"), "title"),
            new Case(
                base + "/events",
                Map.of("eventTitle", "E", "starts", "20x6-01-01", "ends", "", "place", "P"),
                "starts"),
            new Case(
                base + "/events",
                Map.of(
                    "eventTitle", "E",
                    "starts", "2026-12-01T12:00",
                    "ends", "2026-12-01T09:00",
                    "place", "P",
                    "capacity", "5"),
                "ends"),
            new Case(
                base + "/events",
                Map.of(
                    "eventTitle", "E",
                    "starts", "2026-12-01T09:00",
                    "ends", "2026-12-01T12:00",
                    "onlineUrl", "javascript:alert(1)",
                    "capacity", "5"),
                "onlineUrl"),
            new Case(
                base + "/events",
                Map.of(
                    "eventTitle", "E",
                    "starts", "2026-12-01T09:00",
                    "ends", "2026-12-01T12:00",
                    "place", "P",
                    "capacity", "99999999999"),
                "capacity"),
            new Case(
                base + "/events/" + event,
                Map.of(
                    "eventTitle", "E",
                    "starts", "2026-12-01T09:00",
                    "ends", "2026-12-01T12:00",
                    "place", "P",
                    "capacity", "0"),
                "capacity"),
            new Case(
                base + "/events/" + event,
                Map.of(
                    "eventTitle", " ",
                    "starts", "2026-02-30T09:00",
                    "ends", "2026-12-01T12:00",
                    "place", "P",
                    "capacity", "5"),
                "starts"),
            new Case(
                base + "/events/" + event,
                Map.of("eventTitle", "", "starts", "2026-12-01T09:00", "ends", "2026-12-01T12:00"),
                "eventTitle"),
            new Case(
                base + "/materials",
                Map.of("materialTitle", "M", "url", "https://x.example", "markdown", "both"),
                "url"),
            new Case(
                base + "/materials", Map.of("materialTitle", "M", "url", "ftp://x.example"), "url"),
            new Case(base + "/results", Map.of("results", "x".repeat(50_001)), "results"));
    for (Case c : cases) {
      MockHttpServletRequestBuilder request = post(c.path()).with(b);
      c.params().forEach(request::param);
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      assertThat(response.getStatus()).as(c.toString()).isEqualTo(400);
      assertThat(response.getContentAsString())
          .as(c.toString())
          .contains(c.field() + "-error", "govuk-error-summary");
    }
    // Markdown is rendered inert: raw HTML and javascript: links arrive as text.
    mvc.perform(
        post(base + "/results")
            .with(b)
            .param("results", "<script>alert(1)</script>\n\n[x](javascript:alert(2))"));
    String open =
        mvc.perform(get("/regional-forums/" + forum))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(open)
        .contains("&lt;script&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain("href=\"javascript");
  }

  @Test
  void anUnpublishedForumIsNotFoundExceptByItsOwners() throws Exception {
    mvc.perform(
        post("/regional-forums/manage/" + forum)
            .with(b)
            .param("title", "Foorumi " + SECRET)
            .param("region", "01"));
    for (String path :
        List.of(
            "/regional-forums/" + forum,
            "/regional-forums/" + forum + "/events/" + event,
            "/regional-forums/" + forum + "/events/" + event + "/calendar.ics")) {
      assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
          .as(path)
          .isEqualTo(404);
      assertThat(page(path, b)).isNotEmpty();
    }
    assertThat(mvc.perform(get("/regional-forums")).andReturn().getResponse().getContentAsString())
        .doesNotContain(forum);
  }
}
