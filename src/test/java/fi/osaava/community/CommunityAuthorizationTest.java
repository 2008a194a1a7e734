package fi.osaava.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.programmes.ProgrammesApi;
import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Route-by-route authorisation of the community's pages, generated from Spring's handler mappings:
 * every {@code /community} route must have a rule in {@link #RULES}, or this test fails. Reading is
 * open; taking part needs sign-in, posting in a group membership; moderation is for moderators (a
 * role claim), members' suggestions for editors and moderators, writing articles for editors. A
 * member's suggestion and a hidden post never show to anyone else.
 */
class CommunityAuthorizationTest extends WebTestBase {

  /** Who a route is for. */
  enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Anyone signed in. */
    SIGNED_IN,
    /** A member of the group. */
    MEMBER,
    /** A moderator (role claim). */
    MODERATOR,
    /** An editor or a moderator. */
    EDITOR_OR_MODERATOR,
    /** An organisation's editor. */
    EDITOR
  }

  static final String SECRET = "B-salaisuus-" + UUID.randomUUID();
  static final String GROUP = "ai-in-public-services";

  /** A valid event form, for the organisers' routes. */
  static final Map<String, String> EVENT =
      Map.of(
          "titleEn",
          "A's meeting",
          "starts",
          "2026-11-20T17:00",
          "ends",
          "2026-11-20T18:00",
          "place",
          "Helsinki",
          "capacity",
          "10",
          "repeats",
          "0");

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /community", Rule.of("PUBLIC"));
    RULES.put("GET /community/groups/{slug}", Rule.of("PUBLIC"));
    RULES.put("POST /community/groups/{slug}/join", Rule.of("SIGNED_IN", Map.of("name", "A")));
    RULES.put("POST /community/groups/{slug}/leave", Rule.of("SIGNED_IN"));
    RULES.put(
        "POST /community/groups/{slug}/threads",
        Rule.of("MEMBER", Map.of("title", "A's topic", "body", "A writes")));
    RULES.put(
        "POST /community/groups/{slug}/suggestions", Rule.of("MEMBER", Map.of("text", "A's idea")));
    RULES.put("GET /community/groups/{slug}/threads/{id}", Rule.of("PUBLIC"));
    RULES.put(
        "POST /community/groups/{slug}/threads/{id}/replies",
        Rule.of("MEMBER", Map.of("body", "A replies")));
    RULES.put("POST /community/posts/{id}/report", Rule.of("SIGNED_IN", Map.of("reason", "SPAM")));
    RULES.put(
        "POST /community/posts/{id}/moderate",
        Rule.of("MODERATOR", Map.of("action", "restore", "reason", "OTHER")));
    RULES.put("GET /community/moderation", Rule.of("MODERATOR"));
    RULES.put("GET /community/suggestions", Rule.of("EDITOR_OR_MODERATOR"));
    RULES.put("GET /community/articles", Rule.of("PUBLIC"));
    RULES.put("GET /community/articles/{slug}", Rule.of("PUBLIC"));
    RULES.put(
        "POST /community/articles/{slug}/comments",
        Rule.of("SIGNED_IN", Map.of("name", "A", "body", "A comments")));
    RULES.put("GET /community/groups/{slug}/events/{id}", Rule.of("PUBLIC"));
    RULES.put("GET /community/groups/{slug}/events/{id}/calendar.ics", Rule.of("PUBLIC"));
    RULES.put("GET /community/groups/{slug}/calendar.ics", Rule.of("PUBLIC"));
    RULES.put("POST /community/groups/{slug}/events/{id}/register", Rule.of("MEMBER"));
    RULES.put("POST /community/groups/{slug}/events/{id}/unregister", Rule.of("SIGNED_IN"));
    RULES.put("GET /community/groups/{slug}/events/new", Rule.of("EDITOR_OR_MODERATOR"));
    RULES.put("POST /community/groups/{slug}/events", Rule.of("EDITOR_OR_MODERATOR", EVENT));
    RULES.put("GET /community/groups/{slug}/events/{id}/edit", Rule.of("EDITOR_OR_MODERATOR"));
    RULES.put("POST /community/groups/{slug}/events/{id}", Rule.of("EDITOR_OR_MODERATOR", EVENT));
    RULES.put("POST /community/groups/{slug}/events/{id}/cancel", Rule.of("EDITOR_OR_MODERATOR"));
    RULES.put("GET /community/articles/new", Rule.of("EDITOR"));
    RULES.put(
        "POST /community/articles",
        Rule.of("EDITOR", Map.of("slug", "a-article", "titleFi", "A", "bodyFi", "A")));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired ProgrammesApi programmes;
  @Autowired CommunityApi community;

  String thread;
  String hiddenPost;
  String event;

  RouteRules table() {
    return new RouteRules(
        mappings,
        pattern -> pattern.equals("/community") || pattern.startsWith("/community/"),
        RULES);
  }

  static Access access(Rule rule) {
    return Access.valueOf(rule.target());
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(27, CommunityAuthorizationTest.class);
  }

  /** Member B's thread, B's suggestion and B's post that a moderator hid, all holding SECRET. */
  @BeforeEach
  void memberB() throws Exception {
    programmes.loadSampleContent();
    community.loadSampleContent();
    RequestPostProcessor b = oidc.person("member-b-" + UUID.randomUUID());
    String group = "/community/groups/" + GROUP;
    mvc.perform(post(group + "/join").with(b).param("name", "B"));
    String location =
        mvc.perform(post(group + "/threads").with(b).param("title", "B:n aihe").param("body", "B"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    thread = String.valueOf(location).substring(String.valueOf(location).lastIndexOf('/') + 1);
    mvc.perform(post(group + "/suggestions").with(b).param("text", "B ehdottaa " + SECRET));
    String hidden =
        mvc.perform(
                post(group + "/threads").with(b).param("title", "Piilossa").param("body", SECRET))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    hiddenPost = String.valueOf(hidden).substring(String.valueOf(hidden).lastIndexOf('/') + 1);
    mvc.perform(
        post("/community/posts/" + hiddenPost + "/moderate")
            .with(moderator())
            .param("action", "hide")
            .param("reason", "PERSONAL_DATA"));
    // An event with a registrant whose name is SECRET: the registrants are for organisers only.
    var create = post(group + "/events").with(moderator());
    EVENT.forEach(create::param);
    String created =
        String.valueOf(mvc.perform(create).andReturn().getResponse().getRedirectedUrl());
    event = created.split("/events/")[1].substring(0, 36);
    RequestPostProcessor r = oidc.person("registrant-" + UUID.randomUUID());
    mvc.perform(post(group + "/join").with(r).param("name", SECRET));
    mvc.perform(post(group + "/events/" + event + "/register").with(r));
  }

  RequestPostProcessor moderator() {
    return oidc.person(
        "moderator-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("community-moderator")));
  }

  private MockHttpServletRequestBuilder build(String route) {
    return table()
        .request(
            route,
            (variable, rule) ->
                switch (variable) {
                  case "slug" -> route.contains("/articles/") ? "chatbot-pilot-lessons" : GROUP;
                  case "id" -> route.contains("/events/") ? event : thread;
                  // The moderation routes act on the other, visible thread: a restore there
                  // changes nothing.
                  default -> thread;
                },
            v -> v)
        .header("Accept-Language", "en");
  }

  @Test
  void anonymousVisitorsReadButAreSentToSignInForEverythingElse() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      MockHttpServletResponse response =
          mvc.perform(build(route).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      boolean signIn =
          response.getStatus() == 302
              && String.valueOf(response.getRedirectedUrl()).endsWith("/sign-in");
      if (access(rule) == Access.PUBLIC ? response.getStatus() != 200 : !signIn) {
        wrong.add(route + " answered " + response.getStatus());
      }
      if (response.getContentAsString().contains(SECRET)) {
        wrong.add(route + " showed B's suggestion or hidden post");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aSignedInPersonWhoIsNoMemberModeratorOrEditorIsRefusedWhatIsNotTheirs() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      if (route.endsWith("/leave") || route.endsWith("/join")) {
        // Joining would make the person a member for the routes after it.
        continue;
      }
      // A person of their own for each route, so that the posting limit never answers first.
      RequestPostProcessor a = oidc.person("citizen-" + UUID.randomUUID());
      MockHttpServletResponse response =
          mvc.perform(build(route).with(a)).andReturn().getResponse();
      int status = response.getStatus();
      boolean ok =
          switch (access(rule)) {
            case PUBLIC -> status == 200;
            case SIGNED_IN -> status == 302 || status == 200;
            default -> status == 403;
          };
      if (!ok) {
        wrong.add(route + " answered " + status);
      }
      if (response.getContentAsString().contains(SECRET)) {
        wrong.add(route + " showed B's suggestion or hidden post");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void moderatorsModerateAndEditorsReadSuggestionsButNotTheOtherWayRound() throws Exception {
    RequestPostProcessor editor =
        oidc.person(
            "editor-" + UUID.randomUUID(),
            Map.of("osaava_roles", List.of("editor"), "osaava_organisation", "osaava"));
    List<String> wrong = new ArrayList<>();
    for (String route : table().routes()) {
      Access access = access(table().rule(route));
      if (access != Access.MODERATOR
          && access != Access.EDITOR
          && access != Access.EDITOR_OR_MODERATOR) {
        continue;
      }
      if (route.equals("POST /community/articles")) {
        continue;
      }
      int asModerator =
          mvc.perform(build(route).with(moderator())).andReturn().getResponse().getStatus();
      int asEditor = mvc.perform(build(route).with(editor)).andReturn().getResponse().getStatus();
      boolean moderatorOk = access == Access.EDITOR ? asModerator == 403 : asModerator < 400;
      boolean editorOk = access == Access.MODERATOR ? asEditor == 403 : asEditor < 400;
      if (!moderatorOk || !editorOk) {
        wrong.add(
            route + " answered " + asModerator + " to a moderator, " + asEditor + " to an editor");
      }
    }
    assertThat(wrong).isEmpty();
    // The suggestion reaches the editors; the hidden post is in the moderators' log only.
    assertThat(
            mvc.perform(build("GET /community/suggestions").with(editor))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(SECRET);
    assertThat(
            mvc.perform(build("GET /community/moderation").with(moderator()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(SECRET);
    // The organisers see who registered for an event; the registrants table is theirs alone.
    for (RequestPostProcessor organiser : List.of(editor, moderator())) {
      assertThat(
              mvc.perform(build("GET /community/groups/{slug}/events/{id}").with(organiser))
                  .andReturn()
                  .getResponse()
                  .getContentAsString())
          .contains(SECRET);
    }
  }
}
