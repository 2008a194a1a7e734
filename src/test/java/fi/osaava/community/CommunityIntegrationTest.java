package fi.osaava.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.programmes.ProgrammesApi;
import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The community on the real database and search index: a member posts, another reports, a moderator
 * hides (and the log says so); posting is rate-limited per person; deleting an account keeps
 * threads others replied to as "deleted user" without their text; articles are found by inflected
 * Finnish (and Swedish and English) words; articles and packages link both ways.
 */
class CommunityIntegrationTest extends WebTestBase {

  static final String GROUP = "/community/groups/ai-in-public-services";
  static final String DATA_PROTECTION_FI =
      "Näin esimerkkikuntamme koulutti henkilöstönsä tietosuojaan";

  @Autowired CommunityApi community;
  @Autowired ProgrammesApi programmes;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void sampleContent() {
    programmes.loadSampleContent();
    community.loadSampleContent();
  }

  RequestPostProcessor person(String name) {
    return oidc.person(name + "-" + UUID.randomUUID());
  }

  RequestPostProcessor moderator() {
    return oidc.person(
        "moderator-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("community-moderator")));
  }

  /** The response to {@code request}, in English unless the request names its language. */
  MockHttpServletResponse send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request.with(
                r -> {
                  if (r.getHeader("Accept-Language") == null) {
                    r.addHeader("Accept-Language", "en");
                  }
                  return r;
                }))
        .andReturn()
        .getResponse();
  }

  void join(RequestPostProcessor who, String name) throws Exception {
    assertThat(send(post(GROUP + "/join").with(who).param("name", name)).getStatus())
        .isEqualTo(302);
  }

  String startThread(RequestPostProcessor who, String title, String body) throws Exception {
    MockHttpServletResponse response =
        send(post(GROUP + "/threads").with(who).param("title", title).param("body", body));
    assertThat(response.getStatus()).isEqualTo(302);
    return String.valueOf(response.getRedirectedUrl());
  }

  String page(String url, RequestPostProcessor who) throws Exception {
    return send(get(url).with(who)).getContentAsString();
  }

  String threadId(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @Test
  void aMemberPostsAnotherReportsAndAModeratorHidesItAndTheLogSaysSo() throws Exception {
    RequestPostProcessor anna = person("anna");
    join(anna, "Anna");
    String secret = "Annan viesti " + UUID.randomUUID();
    String thread =
        startThread(
            anna,
            "Kysymys",
            secret + " **tärkeä** <script>alert(1)</script> [x](javascript:alert(1))");
    String shown = page(thread, anna);
    // The Markdown is rendered and the HTML in it is inert.
    assertThat(shown)
        .contains(secret)
        .contains("<strong>tärkeä</strong>")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain("href=\"javascript:");

    RequestPostProcessor bert = person("bert");
    // Not a member: no reply, but a report.
    assertThat(send(post(thread + "/replies").with(bert).param("body", "Bert replies")).getStatus())
        .isEqualTo(403);
    assertThat(
            send(post("/community/posts/" + threadId(thread) + "/report")
                    .with(bert)
                    .param("reason", "ABUSE"))
                .getRedirectedUrl())
        .isEqualTo(thread + "?reported");
    assertThat(
            send(post("/community/posts/" + threadId(thread) + "/report")
                    .with(bert)
                    .param("reason", "<script>"))
                .getStatus())
        .isEqualTo(400);

    // Only a moderator hides.
    assertThat(
            send(post("/community/posts/" + threadId(thread) + "/moderate")
                    .with(bert)
                    .param("action", "hide")
                    .param("reason", "ABUSE"))
                .getStatus())
        .isEqualTo(403);
    RequestPostProcessor moderator = moderator();
    assertThat(page("/community/moderation", moderator)).contains(secret).contains("Abusive");
    assertThat(
            send(post("/community/posts/" + threadId(thread) + "/moderate")
                    .with(moderator)
                    .param("action", "hide")
                    .param("reason", "ABUSE"))
                .getStatus())
        .isEqualTo(302);

    assertThat(page(thread, person("carl")))
        .doesNotContain(secret)
        .contains("Hidden by a moderator.");
    assertThat(send(get(thread)).getContentAsString()).doesNotContain(secret);
    String moderation = page("/community/moderation", moderator);
    assertThat(moderation.substring(moderation.indexOf("Moderation log")))
        .contains("Hidden")
        .contains(secret);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM community_moderation_log WHERE post_id = ?::uuid AND"
                        + " action = 'HIDE' AND reason = 'ABUSE'")
                .param(threadId(thread))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void postingIsRateLimitedPerPerson() throws Exception {
    RequestPostProcessor dora = person("dora");
    join(dora, "Dora");
    for (int i = 0; i < 5; i++) {
      startThread(dora, "Aihe " + i, "Viesti " + i);
    }
    MockHttpServletResponse refused =
        send(post(GROUP + "/threads").with(dora).param("title", "Liikaa").param("body", "Liikaa"));
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
    // Another person is not held back by Dora.
    RequestPostProcessor emil = person("emil");
    join(emil, "Emil");
    startThread(emil, "Oma aihe", "Oma viesti");
  }

  @Test
  void deletingAnAccountKeepsThreadsOthersRepliedToAsDeletedUserWithoutText() throws Exception {
    RequestPostProcessor erin = person("erin");
    join(erin, "Erin");
    String secret = "erin-" + UUID.randomUUID();
    String answered = startThread(erin, "Erin kysyy " + secret, "Erinin teksti " + secret);
    String alone = startThread(erin, "Erin yksin", "Kukaan ei vastaa " + secret);
    RequestPostProcessor frank = person("frank");
    join(frank, "Frank");
    assertThat(
            send(post(answered + "/replies").with(frank).param("body", "Frankin vastaus"))
                .getStatus())
        .isEqualTo(302);
    assertThat(
            send(post("/community/articles/chatbot-pilot-lessons/comments")
                    .with(erin)
                    .param("name", "Erin")
                    .param("body", "Erinin kommentti " + secret))
                .getStatus())
        .isEqualTo(302);

    String export = send(get("/api/v1/profile/export").with(erin)).getContentAsString();
    assertThat(export)
        .contains("\"community\"")
        .contains("Erinin teksti " + secret)
        .contains("Erinin kommentti " + secret);

    send(post("/profile/delete").with(erin));

    String kept = page(answered, frank);
    assertThat(kept)
        .contains("Deleted user")
        .contains("The text was removed.")
        .contains("Frankin vastaus")
        .doesNotContain(secret);
    assertThat(send(get(alone)).getStatus()).isEqualTo(404);
    assertThat(page("/community/articles/chatbot-pilot-lessons", frank)).doesNotContain(secret);
    assertThat(
            jdbc.sql("SELECT count(*) FROM community_post WHERE body LIKE ? OR title LIKE ?")
                .params("%" + secret + "%", "%" + secret + "%")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void inflectedWordsFindTheArticleInEachLanguage() throws Exception {
    // "tietosuojasta" (elative) is not in the text, which says "tietosuojaan" (illative).
    String fi =
        send(get("/community/articles").param("q", "tietosuojasta").header("Accept-Language", "fi"))
            .getContentAsString();
    assertThat(fi).contains(DATA_PROTECTION_FI);
    assertThat(fi.indexOf(DATA_PROTECTION_FI))
        .as("the data protection story comes first")
        .isLessThan(Math.max(fi.indexOf("Neljä opetusta"), fi.length()));
    assertThat(
            send(get("/community/articles")
                    .param("q", "personalens")
                    .header("Accept-Language", "sv"))
                .getContentAsString())
        .contains("Så utbildade vår exempelkommun sin personal i dataskydd");
    assertThat(send(get("/community/articles").param("q", "protecting")).getContentAsString())
        .contains("How our example municipality trained its staff in data protection");
    // A theme narrows the search; a theme that does not exist is a 400 naming the field.
    assertThat(
            send(get("/community/articles").param("q", "tietosuojasta").param("theme", "ai"))
                .getContentAsString())
        .doesNotContain("How our example municipality");
    assertThat(send(get("/community/articles").param("theme", "<x>")).getStatus()).isEqualTo(400);
  }

  @Test
  void articlesAndPackagesLinkBothWays() throws Exception {
    String article = send(get("/community/articles/chatbot-pilot-lessons")).getContentAsString();
    assertThat(article)
        .contains("Four lessons from a chatbot pilot")
        .contains("href=\"/programmes/packages/ai-basics\"")
        .contains("Osaava&#39;s own sample content");
    String pkg = send(get("/programmes/packages/ai-basics")).getContentAsString();
    assertThat(pkg)
        .contains("Articles about this package")
        .contains("href=\"/community/articles/chatbot-pilot-lessons\"");
  }

  @Test
  void anEditorPublishesAnArticleThatIsFoundAndBadInputIsShownNextToTheField() throws Exception {
    // The organisation's name comes from the editor's sign-in; pages show it, never the id.
    String organisation = "kunta-" + UUID.randomUUID() + ".example.fi";
    RequestPostProcessor editor =
        oidc.person(
            "editor-" + UUID.randomUUID(),
            Map.of(
                "osaava_roles",
                List.of("editor"),
                "osaava_organisation",
                organisation,
                "osaava_organisation_name",
                "Esimerkkikunta"));
    String slug = "kokemus-" + UUID.randomUUID().toString().substring(0, 8);
    MockHttpServletResponse refused =
        send(
            post("/community/articles")
                .with(editor)
                .param("slug", slug)
                .param("kind", "STORY")
                .param("titleFi", "Otsikko ilman tekstiä")
                .param("titleEn", "x".repeat(100_000)));
    assertThat(refused.getStatus()).isEqualTo(200);
    assertThat(refused.getContentAsString())
        .contains("Write the text in this language too")
        .contains("Title in English: at most 200 characters.");

    MockHttpServletResponse published =
        send(
            post("/community/articles")
                .with(editor)
                .param("slug", slug)
                .param("kind", "STORY")
                .param("titleFi", "Etätyöpajat kirjastoissa")
                .param("bodyFi", "Järjestimme kirjastoissamme etätyöpajoja digitaitojen tueksi.")
                .param("themes", "digital-competence")
                .param(
                    "chosenSkills",
                    "http://data.europa.eu/esco/skill/a4346013-a967-4a58-a533-6b32ad1364c5")
                .param("packages", "ai-basics"));
    assertThat(published.getRedirectedUrl()).isEqualTo("/community/articles/" + slug);
    assertThat(send(get("/community/articles/" + slug)).getContentAsString())
        .contains("Etätyöpajat kirjastoissa")
        .contains("Esimerkkikunta")
        .doesNotContain(organisation)
        .contains("href=\"/programmes/packages/ai-basics\"");
    assertThat(
            send(get("/community/articles")
                    .param("q", "kirjastossa")
                    .header("Accept-Language", "fi"))
                .getContentAsString())
        .contains("Etätyöpajat kirjastoissa")
        .contains("<span class=\"community-article-organisation\">Esimerkkikunta</span>")
        .doesNotContain(organisation);
    assertThat(send(get("/community")).getContentAsString())
        .contains("<span class=\"community-article-organisation\">Esimerkkikunta</span>");
    // Not an editor: refused.
    assertThat(
            send(post("/community/articles")
                    .with(person("citizen"))
                    .param("slug", "x-" + slug)
                    .param("titleFi", "x")
                    .param("bodyFi", "x"))
                .getStatus())
        .isEqualTo(403);
  }
}
