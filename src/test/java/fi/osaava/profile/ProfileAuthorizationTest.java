package fi.osaava.profile;

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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * IDOR tests generated over the route list: every handler mapping of the profile's pages and API
 * (read from Spring's {@link RequestMappingHandlerMapping}) must have a rule in {@link #RULES}, or
 * this test fails, so a new route cannot ship without an authorisation check. Signed in as A, each
 * route is called with B's resource ids (or, for routes without an id, on A's own data); nothing of
 * B's may be read or changed. Anonymous callers are refused on every route.
 */
class ProfileAuthorizationTest extends WebTestBase {

  static final String SECRET = "B-secret-" + UUID.randomUUID();

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    String experience = "{\"kind\":\"WORK\",\"title\":\"A overwrites\",\"description\":\"\"}";
    // API
    RULES.put("GET /api/v1/profile", Rule.own());
    RULES.put("DELETE /api/v1/profile", Rule.own());
    RULES.put("GET /api/v1/profile/experiences", Rule.own());
    RULES.put("POST /api/v1/profile/experiences", Rule.ownJson(experience));
    RULES.put("GET /api/v1/profile/experiences/{id}", Rule.of("experience"));
    RULES.put("PUT /api/v1/profile/experiences/{id}", Rule.json("experience", experience));
    RULES.put("DELETE /api/v1/profile/experiences/{id}", Rule.of("experience"));
    RULES.put("GET /api/v1/profile/experiences/{id}/suggestions", Rule.of("experience"));
    RULES.put(
        "POST /api/v1/profile/experiences/{id}/decisions",
        Rule.json("experience", "{\"skillUri\":\"SKILL\",\"accept\":false}"));
    RULES.put("GET /api/v1/profile/skills", Rule.own());
    RULES.put(
        "PUT /api/v1/profile/skills/{id}", Rule.json("skill", "{\"proficiency\":\"EXPERT\"}"));
    RULES.put("DELETE /api/v1/profile/skills/{id}", Rule.of("skill"));
    RULES.put("GET /api/v1/profile/credentials", Rule.own());
    RULES.put("POST /api/v1/profile/credentials", Rule.ownJson("{\"type\":\"x\"}"));
    RULES.put("DELETE /api/v1/profile/credentials/{id}", Rule.of("credential"));
    RULES.put("GET /api/v1/profile/consents", Rule.own());
    RULES.put("PUT /api/v1/profile/consents/{purpose}", Rule.ownJson("{\"granted\":false}"));
    RULES.put("GET /api/v1/profile/export", Rule.own());
    RULES.put("GET /api/v1/profile/europass", Rule.own());
    // Pages
    RULES.put("GET /profile", Rule.own());
    RULES.put("POST /profile/experiences", Rule.own(Map.of("kind", "WORK", "title", "A's")));
    RULES.put("GET /profile/experiences/{id}", Rule.of("experience"));
    RULES.put(
        "POST /profile/experiences/{id}",
        Rule.of("experience", Map.of("kind", "WORK", "title", "A overwrites", "version", "0")));
    RULES.put("POST /profile/experiences/{id}/delete", Rule.of("experience"));
    RULES.put(
        "POST /profile/experiences/{id}/decisions",
        Rule.of("experience", Map.of("skill", "SKILL", "decision", "reject")));
    RULES.put(
        "POST /profile/skills/{id}",
        Rule.of("skill", Map.of("proficiency", "EXPERT", "version", "0")));
    RULES.put("POST /profile/skills/{id}/delete", Rule.of("skill"));
    RULES.put("POST /profile/credentials", Rule.own());
    RULES.put("POST /profile/credentials/{id}/delete", Rule.of("credential"));
    RULES.put("POST /profile/languages", Rule.own(Map.of("language", "fi", "level", "A1")));
    RULES.put("POST /profile/languages/delete", Rule.own(Map.of("language", "sv")));
    RULES.put(
        "POST /profile/consents",
        Rule.own(Map.of("purpose", "GUIDANCE_COUNSELLOR", "granted", "false")));
    RULES.put("GET /profile/interests", Rule.own());
    RULES.put("POST /profile/interests", Rule.own(Map.of("interestText", "A's", "version", "0")));
    RULES.put("POST /profile/interests/like", Rule.own(Map.of("text", "kokki")));
    RULES.put("POST /profile/interests/unlike", Rule.own(Map.of("uri", "URI")));
    RULES.put("GET /profile/export", Rule.own());
    RULES.put("GET /profile/europass", Rule.own());
    RULES.put("GET /profile/delete", Rule.own());
    RULES.put("POST /profile/delete", Rule.own());
    // CV upload and its review: A uploads nothing here (no file is refused); B's upload is not
    // found.
    RULES.put("POST /profile/cv", Rule.own());
    RULES.put("GET /profile/cv/{id}", Rule.of("cvImport"));
    RULES.put(
        "POST /profile/cv/{id}/decisions",
        Rule.of("cvImport", Map.of("shown", "EXPERIENCE|SKILL", "accept", "EXPERIENCE|SKILL")));
    // Skills confirmed on the identify page and added by hand go into A's own profile.
    RULES.put(
        "POST /profile/identified",
        Rule.own(Map.of("text", "A's text", "decision-s0", "accept", "uri-s0", "SKILL")));
    RULES.put("GET /profile/skills/options", Rule.own(Map.of("q", "kokki")));
    RULES.put("POST /profile/skills", Rule.own(Map.of("uri", "SKILL", "level", "BASIC")));
    // A counsellor reads only with the owner's consent; A is no counsellor and B gave none.
    RULES.put("GET /counsellor/profiles/{code}", Rule.of("person"));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired ObjectMapper json;

  String bSubject;
  RequestPostProcessor b;
  String bPerson;
  String bExperience;
  String bSkill;
  String bCredential;
  String bSkillUri;
  String bCvImport;

  /** The profile's routes as {@code METHOD pattern}. */
  RouteRules table() {
    return new RouteRules(
        mappings,
        pattern ->
            pattern.equals("/profile")
                || pattern.startsWith("/profile/")
                || pattern.startsWith("/api/v1/profile")
                || pattern.startsWith("/counsellor"),
        RULES);
  }

  Set<String> routes() {
    return table().routes();
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(31, ProfileAuthorizationTest.class);
  }

  @BeforeEach
  void personB() throws Exception {
    bSubject = "B-" + UUID.randomUUID();
    b = oidc.person(bSubject);
    bPerson = read(b, "/api/v1/profile").path("person").asString();
    bExperience =
        json.readTree(
                mvc.perform(
                        post("/api/v1/profile/experiences")
                            .with(b)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"kind\":\"WORK\",\"title\":\""
                                    + SECRET
                                    + "\",\"description\":\""
                                    + ProfileIntegrationTest.COOK
                                    + "\"}"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .path("id")
            .asString();
    JsonNode suggestions = read(b, "/api/v1/profile/experiences/" + bExperience + "/suggestions");
    bSkillUri = suggestions.get(0).path("skillUri").asString();
    mvc.perform(
        post("/api/v1/profile/experiences/" + bExperience + "/decisions")
            .with(b)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"skillUri\":\"" + bSkillUri + "\",\"accept\":true}"));
    bCredential =
        json.readTree(
                mvc.perform(
                        post("/api/v1/profile/credentials")
                            .with(b)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                CredentialsTest.openBadge(
                                    "http://data.europa.eu/esco/skill/" + CredentialsTest.TOMCAT)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .path("id")
            .asString();
    mvc.perform(post("/profile/languages").with(b).param("language", "sv").param("level", "C2"));
    String review =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/profile/cv")
                    .file(
                        new org.springframework.mock.web.MockMultipartFile(
                            "file",
                            "b.docx",
                            "application/octet-stream",
                            CvFixtures.docx(CvFixtures.FINNISH)))
                    .with(b))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    bCvImport = review.substring(review.lastIndexOf('/') + 1);
    JsonNode skills = read(b, "/api/v1/profile/skills");
    bSkill = skills.get(0).path("id").asString();
  }

  private JsonNode read(RequestPostProcessor who, String path) throws Exception {
    return json.readTree(
        mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString());
  }

  private MockHttpServletRequestBuilder build(String route, Rule rule) {
    String id =
        switch (rule.target()) {
          case "experience" -> bExperience;
          case "skill" -> bSkill;
          case "credential" -> bCredential;
          case "person" -> bPerson;
          case "cvImport" -> bCvImport;
          default -> null;
        };
    return table()
        .request(
            route,
            (variable, r) ->
                variable.equals("purpose") ? "GUIDANCE_COUNSELLOR" : id == null ? "none" : id,
            v ->
                v.replace("SKILL", bSkillUri)
                    .replace("URI", bSkillUri)
                    .replace("EXPERIENCE", bExperience));
  }

  @Test
  void personACannotReadOrChangePersonBsData() throws Exception {
    JsonNode before = read(b, "/api/v1/profile");
    List<String> leaks = new ArrayList<>();
    for (String route : routes()) {
      Rule rule = RULES.get(route);
      if (rule == null) {
        continue;
      }
      // A fresh A per route, since some routes delete A's own account.
      RequestPostProcessor a = oidc.person("A-" + UUID.randomUUID());
      MockHttpServletRequestBuilder request = build(route, rule);
      // A 404 may echo the id A sent; anything else of B's must not appear.
      String sent =
          request
              .buildRequest(new org.springframework.mock.web.MockServletContext())
              .getRequestURI();
      MockHttpServletResponse response = mvc.perform(request.with(a)).andReturn().getResponse();
      String body = response.getContentAsString();
      if (!rule.target().equals("own")) {
        if (response.getStatus() != 404 && response.getStatus() != 403) {
          leaks.add(route + " with B's id answered " + response.getStatus());
        }
      }
      for (String secret : List.of(SECRET, bExperience, bSkill, bCredential, bPerson, bCvImport)) {
        if (body.contains(secret) && !sent.contains(secret)) {
          leaks.add(route + " showed B's " + secret);
        }
      }
    }
    assertThat(leaks).isEmpty();
    JsonNode after = read(b, "/api/v1/profile");
    assertThat(after).as("B's profile after A tried every route").isEqualTo(before);
  }

  @Test
  void anonymousCallersAreRefusedEverywhere() throws Exception {
    List<String> open = new ArrayList<>();
    for (String route : routes()) {
      Rule rule = table().rule(route);
      MockHttpServletResponse response =
          mvc.perform(
                  build(route, rule)
                      .with(
                          org.springframework.security.test.web.servlet.request
                              .SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      boolean refused =
          response.getStatus() == 401
              || response.getStatus() == 403
              || (response.getStatus() == 302
                  && String.valueOf(response.getRedirectedUrl()).endsWith("/sign-in"));
      if (!refused) {
        open.add(route + " answered " + response.getStatus());
      }
    }
    assertThat(open).isEmpty();
  }
}
