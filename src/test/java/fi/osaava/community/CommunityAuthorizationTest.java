package fi.osaava.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.community.internal.Articles;
import fi.osaava.community.internal.CommunityStore;
import fi.osaava.community.internal.CommunityStore.ArticleKind;
import fi.osaava.community.internal.Theme;
import fi.osaava.platform.Language;
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
    EDITOR,
    /** An editor of the organisation that owns the article. */
    OWNING_EDITOR
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
    RULES.put("GET /community/articles/{slug}/edit", Rule.of("OWNING_EDITOR"));
    RULES.put(
        "POST /community/articles/{slug}/edit",
        Rule.of("OWNING_EDITOR", Map.of("titleFi", "A", "bodyFi", SECRET, "version", "1")));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired ProgrammesApi programmes;
  @Autowired CommunityApi community;
  @Autowired Articles articles;
  @Autowired CommunityStore store;

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
    table().assertEveryRouteHasARule(29, CommunityAuthorizationTest.class);
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

  RequestPostProcessor editorOf(String organisation) {
    return oidc.person(
        "editor-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisation));
  }

  MockHttpServletResponse edit(RequestPostProcessor who, String path, String title, String body)
      throws Exception {
    return mvc.perform(
            post(path)
                .with(who)
                .header("Accept-Language", "en")
                .param("kind", "STORY")
                .param("titleFi", title)
                .param("bodyFi", body)
                .param("themes", "privacy")
                .param("version", "1"))
        .andReturn()
        .getResponse();
  }

  String read(String path) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", "fi"))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void onlyTheOwningOrganisationsEditorsEditAPublishedArticleAndEveryVersionIsKept()
      throws Exception {
    String organisation = "kunta-" + UUID.randomUUID().toString().substring(0, 8);
    String slug = "muokattava-" + UUID.randomUUID().toString().substring(0, 8);
    articles.publish(
        slug,
        ArticleKind.STORY,
        organisation,
        Map.of(Language.FI, "Alkuperäinen otsikko"),
        Map.of(Language.FI, "Kerromme vesipuhvelista."),
        List.of(Theme.AI),
        List.of(),
        List.of(),
        false);
    String path = "/community/articles/" + slug + "/edit";

    // An editor of another organisation and a moderator are refused, and nothing changes.
    for (RequestPostProcessor who : List.of(editorOf("osaava"), moderator())) {
      assertThat(mvc.perform(get(path).with(who)).andReturn().getResponse().getStatus())
          .isEqualTo(403);
      assertThat(edit(who, path, "Kaapattu", "Kaapattu teksti").getStatus()).isEqualTo(403);
    }
    assertThat(store.article(slug).orElseThrow().title())
        .containsEntry(Language.FI, "Alkuperäinen otsikko");
    assertThat(read("/community/articles/" + slug)).doesNotContain("id=\"edit-article\"");

    // The owner's form holds the version in use; saving publishes the new one and keeps the old.
    RequestPostProcessor owner = editorOf(organisation);
    assertThat(
            mvc.perform(get("/community/articles/" + slug).with(owner))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("href=\"/community/articles/" + slug + "/edit\"");
    assertThat(mvc.perform(get(path).with(owner)).andReturn().getResponse().getContentAsString())
        .contains("Alkuperäinen otsikko")
        .contains("name=\"version\" value=\"1\"");
    MockHttpServletResponse saved =
        edit(
            owner,
            path,
            "Uusi otsikko",
            "Kerromme sukellusveneestä. <script>alert(1)</script> [linkki](javascript:alert(2))");
    assertThat(saved.getRedirectedUrl()).isEqualTo("/community/articles/" + slug + "?edited");
    var article = store.article(slug).orElseThrow();
    assertThat(article.version()).isEqualTo(2);
    assertThat(article.editedAt()).isNotNull();
    assertThat(article.organisation()).isEqualTo(organisation);
    assertThat(article.themes()).containsExactly("privacy");
    assertThat(store.revisions(article.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.title()).containsEntry(Language.FI, "Alkuperäinen otsikko"));
    String page = read("/community/articles/" + slug);
    assertThat(page)
        .contains("Uusi otsikko")
        .contains("Muokattu")
        .contains("Versio 1: Alkuperäinen otsikko")
        .doesNotContain("<script>alert(1)")
        .doesNotContain("javascript:alert");

    // The search reads the new text, not the replaced one.
    assertThat(read("/community/articles?q=sukellusvene")).contains(slug);
    assertThat(read("/community/articles?q=vesipuhveli")).doesNotContain(slug);

    // A form opened before that save is refused with its text kept; the article stays as saved.
    MockHttpServletResponse stale = edit(owner, path, "Myöhästynyt otsikko", "Myöhästynyt teksti");
    assertThat(stale.getStatus()).isEqualTo(200);
    assertThat(stale.getContentAsString())
        .contains("Someone saved changes to this article")
        .contains("Myöhästynyt otsikko");
    assertThat(store.article(slug).orElseThrow().version()).isEqualTo(2);

    // Bad input names the field, and an unknown article is not found.
    MockHttpServletResponse noBody =
        mvc.perform(
                post(path)
                    .with(owner)
                    .header("Accept-Language", "en")
                    .param("titleFi", "Otsikko")
                    .param("version", "2"))
            .andReturn()
            .getResponse();
    assertThat(noBody.getContentAsString()).contains("href=\"#bodyFi\"");
    assertThat(store.article(slug).orElseThrow().version()).isEqualTo(2);
    assertThat(
            mvc.perform(get("/community/articles/ei-ole-" + slug + "/edit").with(owner))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }
}
