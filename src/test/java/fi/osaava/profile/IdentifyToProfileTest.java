package fi.osaava.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The identify-to-profile step end to end, on the real ESCO data, the real engine and the embedded
 * PostgreSQL: CV files in Finnish and Swedish (DOCX, PDF, ODT made in the test) become entries with
 * their dates and suggested skills, hostile files are refused with a message, confirmed skills land
 * in the profile with their evidence, from the identify page too, a skill can be added by hand with
 * its level, a national badge gets skills from its description, and a skill from several sources
 * shows once with all of them.
 */
class IdentifyToProfileTest extends WebTestBase {

  static final String TOMCAT = "http://data.europa.eu/esco/skill/" + CredentialsTest.TOMCAT;

  @Autowired ObjectMapper json;
  @Autowired ProfileApi profiles;
  @Autowired TaxonomyApi taxonomy;

  private RequestPostProcessor person(String name) {
    return oidc.person(name + "-" + UUID.randomUUID());
  }

  private MockHttpServletResponse upload(
      RequestPostProcessor who, String fileName, byte[] content, String language) throws Exception {
    return mvc.perform(
            multipart("/profile/cv")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .header("Accept-Language", language)
                .with(who))
        .andReturn()
        .getResponse();
  }

  private JsonNode read(RequestPostProcessor who, String path) throws Exception {
    return json.readTree(
        mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString());
  }

  private Document page(RequestPostProcessor who, String path, String language) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).header("Accept-Language", language).with(who))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  private static JsonNode entry(JsonNode experiences, String title) {
    for (JsonNode e : experiences) {
      if (e.path("title").asString().equals(title)) {
        return e;
      }
    }
    throw new AssertionError("no entry " + title + " in " + experiences);
  }

  private List<String> suggestionLabels(RequestPostProcessor who, JsonNode entry) throws Exception {
    List<String> labels = new ArrayList<>();
    read(who, "/api/v1/profile/experiences/" + entry.path("id").asString() + "/suggestions")
        .forEach(s -> labels.add(s.path("label").asString().toLowerCase(Locale.ROOT)));
    return labels;
  }

  /** The labels, in {@code language}, of the occupations the person's work titles name. */
  private List<String> workedAs(RequestPostProcessor who, Language language) throws Exception {
    PersonId person = PersonId.of(read(who, "/api/v1/profile").path("person").asString());
    List<ConceptUri> uris = List.copyOf(profiles.competence(person).workedAs());
    return taxonomy.summaries(uris, language).stream()
        .map(ConceptSummary::label)
        .map(l -> l.text().toLowerCase(Locale.ROOT))
        .toList();
  }

  @Test
  void finnishDocxCvBecomesDatedEntriesWithSensibleSuggestionsWithinSeconds() throws Exception {
    RequestPostProcessor me = person("cv-fi");
    long started = System.nanoTime();
    MockHttpServletResponse response =
        upload(me, "ansioluettelo.docx", CvFixtures.docx(CvFixtures.FINNISH), "fi");
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("Finnish DOCX CV read, split and identified in " + millis + " ms");
    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).startsWith("/profile/cv/");
    assertThat(millis).as("upload to suggestions, ms").isLessThan(30_000);

    JsonNode experiences = read(me, "/api/v1/profile/experiences");
    assertThat(experiences.size()).isEqualTo(4);
    JsonNode nurse = entry(experiences, "Lähihoitaja");
    assertThat(nurse.path("kind").asString()).isEqualTo("WORK");
    assertThat(nurse.path("organisation").asString()).isEqualTo("Hoivakoti Aurinko");
    assertThat(nurse.path("start").asString()).isEqualTo("2018-03-01");
    assertThat(nurse.path("end").isNull()).isTrue();
    assertThat(nurse.path("description").asString()).contains("mittasin verenpainetta");
    assertThat(nurse.path("cvImportId").asString()).isNotBlank();
    JsonNode cook = entry(experiences, "Kokki");
    assertThat(cook.path("start").asString()).isEqualTo("2014-01-01");
    assertThat(cook.path("end").asString()).isEqualTo("2018-12-31");
    JsonNode degree = entry(experiences, "Sosiaali- ja terveysalan perustutkinto");
    assertThat(degree.path("kind").asString()).isEqualTo("EDUCATION");
    assertThat(degree.path("organisation").asString()).isEqualTo("Tampereen ammattiopisto");
    assertThat(entry(experiences, "Ylioppilas").path("end").asString()).isEqualTo("2011-12-31");
    // Contact details and the languages section are not entries.
    assertThat(experiences.toString()).doesNotContain("040 123 4567").doesNotContain("äidinkieli");

    List<String> nursing = suggestionLabels(me, nurse);
    List<String> cooking = suggestionLabels(me, cook);
    System.out.println("Lähihoitaja: " + nursing + "\nKokki: " + cooking);
    assertThat(nursing).anyMatch(l -> l.contains("lääk") || l.contains("verenpain"));
    assertThat(cooking)
        .anyMatch(l -> l.contains("ruo") || l.contains("leip") || l.contains("leiv"));
    List<String> occupations = workedAs(me, Language.FI);
    System.out.println("Worked as: " + occupations);
    assertThat(occupations).anyMatch(l -> l.contains("lähihoitaja"));
    assertThat(occupations).anyMatch(l -> l.contains("kokki"));

    Document review = page(me, response.getRedirectedUrl(), "fi");
    assertThat(review.select("h1").text()).isEqualTo("Ansioluettelostasi luetut tiedot");
    assertThat(review.select(".cv-entry h2").eachText())
        .as("in the CV's order")
        .containsExactly(
            "Lähihoitaja, Hoivakoti Aurinko",
            "Kokki, Ravintola Testi",
            "Sosiaali- ja terveysalan perustutkinto, Tampereen ammattiopisto",
            "Ylioppilas, Tampereen lyseon lukio");
    assertThat(review.select("input[name=accept]")).isNotEmpty();
  }

  @Test
  void swedishPdfAndFinnishOdtCvsAreReadToo() throws Exception {
    RequestPostProcessor me = person("cv-sv");
    MockHttpServletResponse response =
        upload(me, "cv.pdf", CvFixtures.pdf(CvFixtures.SWEDISH), "sv");
    assertThat(response.getStatus()).isEqualTo(302);
    JsonNode experiences = read(me, "/api/v1/profile/experiences");
    assertThat(experiences.size()).isEqualTo(3);
    JsonNode nurse = entry(experiences, "Sjukskötare");
    assertThat(nurse.path("organisation").asString()).isEqualTo("Vasa centralsjukhus");
    assertThat(nurse.path("start").asString()).isEqualTo("2019-01-01");
    assertThat(nurse.path("end").isNull()).isTrue();
    JsonNode warehouse = entry(experiences, "Lagerarbetare");
    assertThat(warehouse.path("organisation").asString()).isEqualTo("Lager Ab");
    assertThat(warehouse.path("start").asString()).isEqualTo("2015-08-01");
    assertThat(warehouse.path("end").asString()).isEqualTo("2019-06-30");
    assertThat(entry(experiences, "Sjukskötare YH").path("kind").asString()).isEqualTo("EDUCATION");
    List<String> nursing = suggestionLabels(me, nurse);
    List<String> storing = suggestionLabels(me, warehouse);
    System.out.println("Sjukskötare: " + nursing + "\nLagerarbetare: " + storing);
    // The engine has no Swedish skill labels (ESCO's Swedish package here has occupations only),
    // so the Swedish entries' skill suggestions are few; the occupations come from the titles.
    List<String> occupations = workedAs(me, Language.SV);
    System.out.println("Worked as (sv): " + occupations);
    assertThat(occupations).anyMatch(l -> l.contains("lager") || l.contains("sjuk"));
    Document review = page(me, response.getRedirectedUrl(), "sv");
    assertThat(review.select("h1").text()).isEqualTo("Uppgifter inlästa från ditt CV");

    RequestPostProcessor other = person("cv-odt");
    assertThat(upload(other, "cv.odt", CvFixtures.odt(CvFixtures.FINNISH), "fi").getStatus())
        .isEqualTo(302);
    JsonNode fromOdt = read(other, "/api/v1/profile/experiences");
    assertThat(fromOdt.size()).isEqualTo(4);
    assertThat(entry(fromOdt, "Kokki").path("organisation").asString())
        .isEqualTo("Ravintola Testi");
  }

  @Test
  void hostileAndWrongFilesAreRefusedWithAMessageNeverA500() throws Exception {
    RequestPostProcessor me = person("cv-hostile");
    record Case(String name, byte[] content, String says) {}
    byte[] huge = new byte[6 * 1024 * 1024];
    List<Case> cases =
        List.of(
            new Case("tyhjä.pdf", new byte[0], "on tyhjä"),
            new Case("kuva.png", pngHeader(), "ei ole PDF-, DOCX- tai ODT-tiedosto"),
            new Case("muistio.txt", "Työkokemus\n2015–2019 Kokki".getBytes(), "ei ole PDF"),
            new Case("salattu.pdf", CvFixtures.pdf(CvFixtures.FINNISH, "salasana"), "salasanalla"),
            new Case("roska.pdf", garbagePdf(), "ei voitu lukea|ei ole tekstiä"),
            new Case("pommi.docx", CvFixtures.docxBomb(), "hylättiin"),
            new Case("iso.pdf", huge, "liian suuri"),
            new Case(
                "eiotsikoita.docx", CvFixtures.docx("Hei!\nOlen iloinen ihminen."), "ei löytynyt"));
    List<String> problems = new ArrayList<>();
    for (Case c : cases) {
      MockHttpServletResponse response = upload(me, c.name(), c.content(), "fi");
      String message = Jsoup.parse(response.getContentAsString()).select("#cv-error").text();
      System.out.println(c.name() + " → " + response.getStatus() + ": " + message);
      if (response.getStatus() != 400) {
        problems.add(c.name() + " answered " + response.getStatus());
      } else if (!message.contains(c.name())
          || java.util.Arrays.stream(c.says().split("\\|")).noneMatch(message::contains)) {
        problems.add(c.name() + " said: " + message);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(read(me, "/api/v1/profile/experiences").size()).isZero();
  }

  @Test
  void confirmedCvSuggestionsBecomeSkillsWithTheirEvidence() throws Exception {
    RequestPostProcessor me = person("cv-confirm");
    String review =
        upload(me, "cv.docx", CvFixtures.docx(CvFixtures.FINNISH), "fi").getRedirectedUrl();
    Document page = page(me, review, "fi");
    List<String> shown = page.select("input[name=shown]").eachAttr("value");
    assertThat(shown).hasSizeGreaterThan(2);
    var decide = post(review + "/decisions").with(me);
    shown.forEach(s -> decide.param("shown", s));
    decide.param("accept", shown.get(0)).param("accept", shown.get(1));
    assertThat(mvc.perform(decide).andReturn().getResponse().getRedirectedUrl()).startsWith(review);

    JsonNode skills = read(me, "/api/v1/profile/skills");
    assertThat(skills.size()).isEqualTo(2);
    for (JsonNode s : skills) {
      assertThat(s.path("sourceKind").asString()).isEqualTo("EXPERIENCE");
      assertThat(s.path("identified").asBoolean()).isTrue();
      assertThat(s.path("evidence").asString()).isNotBlank();
    }
    Document after = page(me, review, "fi");
    assertThat(after.select("input[name=shown]").size()).isEqualTo(0);
    assertThat(after.select(".accepted-skill")).hasSize(2);
    Document profile = page(me, "/profile", "fi");
    assertThat(profile.select(".skill-sources .govuk-tag").eachText())
        .containsOnly("Tunnistettu ansioluettelostasi");
    // A decision on someone else's entry through this import is refused.
    String foreign = UUID.randomUUID() + "|" + TOMCAT;
    assertThat(
            mvc.perform(post(review + "/decisions").with(me).param("shown", foreign))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(400);
  }

  @Test
  void acceptedSuggestionsOnTheIdentifyPageAreSavedWithTheirEvidence() throws Exception {
    RequestPostProcessor me = person("identify");
    String text = ProfileIntegrationTest.COOK;
    Document identify =
        Jsoup.parse(
            mvc.perform(
                    post("/identify").param("text", text).header("Accept-Language", "fi").with(me))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(identify.select("#save-to-profile")).hasSize(1);
    Element first = identify.select("fieldset.chip").first();
    String key = first.select("input[type=radio]").first().attr("name");
    String index = key.substring("decision-".length());
    String uri = first.select("input[name=uri-" + index + "]").attr("value");
    String evidence = first.select("input[name=evidence-" + index + "]").attr("value");
    assertThat(uri).startsWith("http://data.europa.eu/esco/skill/");

    var save = post("/profile/identified").with(me).header("Accept-Language", "fi");
    save.param("text", text).param(key, "accept");
    for (Element hidden : identify.select("fieldset.chip input[type=hidden]")) {
      save.param(hidden.attr("name"), hidden.attr("value"));
    }
    // A forged field: a skill that is not in ESCO, and evidence that is not in the text.
    save.param("decision-s99", "accept")
        .param("uri-s99", "http://data.europa.eu/esco/skill/not-a-skill")
        .param("evidence-s99", "made up");
    MockHttpServletResponse response = mvc.perform(save).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(303);
    assertThat(response.getHeader("Location")).startsWith("/profile?confirmed=1");

    JsonNode skills = read(me, "/api/v1/profile/skills");
    assertThat(skills.size()).isEqualTo(1);
    assertThat(skills.get(0).path("skillUri").asString()).isEqualTo(uri);
    assertThat(skills.get(0).path("sourceKind").asString()).isEqualTo("TEXT");
    assertThat(skills.get(0).path("evidence").asString()).isEqualTo(evidence);
    assertThat(text.replaceAll("\\s+", " ")).contains(evidence.split(" … ")[0]);
    Document profile = page(me, "/profile?confirmed=1", "sv");
    assertThat(profile.select("p.notice").eachText())
        .contains("En färdighet från sidan Identifiera din kompetens lades till i din profil.");
    assertThat(page(me, "/profile?confirmed=x%3Cb%3E", "sv").select("p.notice").text())
        .doesNotContain("lades till");
    assertThat(profile.select(".skill-sources .govuk-tag").eachText())
        .containsExactly("Identifierad i din text på sidan Identifiera din kompetens");

    // Not signed in, the page offers no saving.
    Document anonymous =
        Jsoup.parse(
            mvc.perform(
                    post("/identify")
                        .param("text", text)
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(anonymous.select("#save-to-profile")).isEmpty();
  }

  /**
   * A pasted history that names the person's occupations: accepted on the identify page, those the
   * text names become work entries that matching counts as worked in, once however often the text
   * is saved; an occupation whose quoted words do not name it is not work the person did.
   */
  @Test
  void occupationsTheTextNamesBecomeWorkEntries() throws Exception {
    RequestPostProcessor me = person("identify-occupations");
    String text =
        """
        2017–pågående Kock, Restaurang Strandhuset, Vasa
        Jag lagade lunch och à la carte-rätter och planerade menyer.
        2013–2017 Lagerarbetare, Lager Ab
        """;
    Document identify =
        Jsoup.parse(
            mvc.perform(
                    post("/identify").param("text", text).header("Accept-Language", "sv").with(me))
                .andReturn()
                .getResponse()
                .getContentAsString());
    var save = post("/profile/identified").with(me).header("Accept-Language", "sv");
    save.param("text", text);
    List<String> occupationUris = new ArrayList<>();
    for (Element chip : identify.select("fieldset.chip")) {
      String key = chip.select("input[type=radio]").first().attr("name");
      save.param(key, "accept");
      if (key.startsWith("decision-o")) {
        occupationUris.add(
            chip.select("input[name=uri-" + key.substring("decision-".length()) + "]")
                .attr("value"));
      }
    }
    for (Element hidden : identify.select("fieldset.chip input[type=hidden]")) {
      save.param(hidden.attr("name"), hidden.attr("value"));
    }
    assertThat(occupationUris).as("occupations suggested for the text").isNotEmpty();
    // A forged one: an occupation (programmer) with words from the text that do not name it.
    String programmer =
        "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";
    save.param("decision-o99", "accept")
        .param("uri-o99", programmer)
        .param("evidence-o99", "planerade menyer");
    MockHttpServletResponse response = mvc.perform(save).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(303);
    assertThat(response.getHeader("Location")).contains("entries=");

    JsonNode experiences = read(me, "/api/v1/profile/experiences");
    List<String> titles = new ArrayList<>();
    for (JsonNode e : experiences) {
      assertThat(e.path("kind").asString()).isEqualTo("WORK");
      assertThat(e.path("occupationUri").asString()).isIn(occupationUris);
      assertThat(text).contains(e.path("description").asString().split(" … ")[0]);
      titles.add(e.path("title").asString().toLowerCase(Locale.ROOT));
    }
    assertThat(titles).contains("kock");
    assertThat(workedAs(me, Language.SV)).containsAll(titles);
    assertThat(experiences.toString()).doesNotContain(programmer);
    Document profile = page(me, response.getHeader("Location"), "sv");
    assertThat(profile.select("p.notice").text()).contains("som din text nämner lades till");

    // The same text saved again adds no second entry.
    mvc.perform(save);
    assertThat(read(me, "/api/v1/profile/experiences").size()).isEqualTo(experiences.size());
  }

  @Test
  void aSkillCanBeAddedByHandWithItsLevel() throws Exception {
    RequestPostProcessor me = person("manual");
    Document options =
        Jsoup.parse(
            mvc.perform(
                    get("/profile/skills/options")
                        .param("q", "Apache Tomc")
                        .header("Accept-Language", "en")
                        .with(me))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(options.select("input[name=uri]").eachAttr("value")).contains(TOMCAT);

    // Without a choice (no JavaScript) the page comes back with the options to choose from.
    MockHttpServletResponse unchosen =
        mvc.perform(
                post("/profile/skills")
                    .param("q", "Apache Tomc")
                    .param("level", "ADVANCED")
                    .header("Accept-Language", "fi")
                    .with(me))
            .andReturn()
            .getResponse();
    assertThat(unchosen.getStatus()).isEqualTo(400);
    assertThat(Jsoup.parse(unchosen.getContentAsString()).select("#manual-options input[name=uri]"))
        .isNotEmpty();
    assertThat(
            mvc.perform(
                    post("/profile/skills")
                        .param("uri", TOMCAT)
                        .param("level", "NONSENSE")
                        .with(me))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(400);
    assertThat(read(me, "/api/v1/profile/skills").size()).isZero();

    mvc.perform(post("/profile/skills").param("uri", TOMCAT).param("level", "ADVANCED").with(me));
    JsonNode skills = read(me, "/api/v1/profile/skills");
    assertThat(skills.size()).isEqualTo(1);
    assertThat(skills.get(0).path("sourceKind").asString()).isEqualTo("MANUAL");
    assertThat(skills.get(0).path("proficiency").asString()).isEqualTo("ADVANCED");
    assertThat(skills.get(0).path("verified").asBoolean()).isFalse();
  }

  @Test
  void aNationalBadgeGetsSkillsFromItsDescriptionMarkedAsSuch() throws Exception {
    RequestPostProcessor me = person("badge");
    String badge =
        CredentialsTest.openBadge("https://example.org/none")
            .replace(
                "https://example.org/achievements/tomcat",
                "https://virkailija.opintopolku.fi/koodisto-service/rest/codeelement/osaamismerkit_1000")
            .replace("\"Tomcat administration\"", "\"Digitaaliset toimintaympäristöt\"")
            .replace(
                "Configures and runs Apache Tomcat servers.",
                "Osaa käyttää tietokonetta, älypuhelinta ja verkkopankkia sekä etsiä tietoa"
                    + " internetistä.");
    assertThat(
            mvc.perform(
                    post("/api/v1/profile/credentials")
                        .with(me)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(badge))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(201);
    JsonNode skills = read(me, "/api/v1/profile/skills");
    System.out.println(
        "Badge skills: "
            + java.util.stream.StreamSupport.stream(skills.spliterator(), false)
                .map(s -> s.path("label").asString())
                .collect(Collectors.joining(", ")));
    assertThat(skills.size()).isGreaterThan(0);
    for (JsonNode s : skills) {
      assertThat(s.path("sourceKind").asString()).isEqualTo("CREDENTIAL");
      assertThat(s.path("identified").asBoolean()).isTrue();
      assertThat(s.path("verified").asBoolean()).isTrue();
    }
    assertThat(page(me, "/profile", "fi").select(".skill-sources .govuk-tag").eachText())
        .contains("Tunnistettu merkin kuvauksesta");
  }

  @Test
  void oneSkillFromSeveralSourcesShowsOnceWithAllOfThem() throws Exception {
    RequestPostProcessor me = person("dedup");
    mvc.perform(post("/profile/skills").param("uri", TOMCAT).param("level", "BASIC").with(me));
    mvc.perform(
        post("/api/v1/profile/credentials")
            .with(me)
            .contentType(MediaType.APPLICATION_JSON)
            .content(CredentialsTestData.openBadge()));
    mvc.perform(
        post("/profile/identified")
            .with(me)
            .param("text", "Ylläpidin Apache Tomcat -palvelimia.")
            .param("decision-s0", "accept")
            .param("uri-s0", TOMCAT)
            .param("evidence-s0", "Apache Tomcat"));
    assertThat(read(me, "/api/v1/profile/skills").size()).isEqualTo(3);

    Document profile = page(me, "/profile", "fi");
    var rows = profile.select("table.profile-skills tbody tr");
    assertThat(rows).hasSize(1);
    Element row = rows.first();
    assertThat(row.select(".skill-sources li")).hasSize(3);
    assertThat(row.select(".skill-sources .govuk-tag").eachText())
        .containsExactlyInAnyOrder(
            "Itse lisätty",
            "Todennettu osaamistodiste",
            "Tunnistettu tekstistäsi Tunnista osaamisesi -sivulla");
    assertThat(row.select("th .govuk-tag.verified")).hasSize(1);
    assertThat(row.select("q").eachText()).contains("Apache Tomcat");

    // The level is one for the skill: setting it on the row sets it for every own source.
    String primary = row.attr("id").substring("skill-".length());
    String version = row.select("input[name=version]").attr("value");
    mvc.perform(
        post("/profile/skills/" + primary)
            .param("proficiency", "EXPERT")
            .param("version", version)
            .with(me));
    for (JsonNode s : read(me, "/api/v1/profile/skills")) {
      assertThat(s.path("proficiency").asString()).isEqualTo("EXPERT");
    }
    // Matching sees one skill.
    PersonId person = PersonId.of(read(me, "/api/v1/profile").path("person").asString());
    assertThat(profiles.competence(person).skills()).hasSize(1);
    assertThat(profiles.competence(person).skills().getFirst().verified()).isTrue();
  }

  private static byte[] pngHeader() {
    byte[] png = new byte[64];
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(magic, 0, png, 0, magic.length);
    return png;
  }

  /** Starts like a PDF, then nothing but noise. */
  private static byte[] garbagePdf() {
    byte[] bytes = new byte[20_000];
    new java.util.Random(7).nextBytes(bytes);
    byte[] header = "%PDF-1.7\n".getBytes();
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }
}
