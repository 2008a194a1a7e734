package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationLevel;
import fi.osaava.education.MatchableOffering;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.programmes.internal.Learning;
import fi.osaava.programmes.internal.PackageContent;
import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.programmes.internal.QuizScoring;
import fi.osaava.programmes.internal.VersionChange;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.web.WebTestBase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Learning programmes end to end on the real database: the sample packages in the education
 * catalogue as short online offerings, an editor's versions (immutable once published, learners
 * keeping theirs), and a learner's way from enrolment through a quiz to a credential whose skills
 * land in the profile as verified.
 */
class ProgrammesIntegrationTest extends WebTestBase {

  static final List<String> BASIC_OUTCOMES =
      List.of(
          "http://data.europa.eu/esco/skill/e465a154-93f7-4973-9ce1-31659fe16dd2",
          "http://data.europa.eu/esco/skill/a4346013-a967-4a58-a533-6b32ad1364c5",
          "http://data.europa.eu/esco/skill/cef5c0f8-1e40-4c09-b6a7-aa7811849e5d",
          "http://data.europa.eu/esco/skill/1d6c7de4-350e-4868-a47b-333b4b0d9650");

  @Autowired ProgrammesApi programmes;
  @Autowired EducationApi education;
  @Autowired ProfileApi profile;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired ProgrammeStore store;
  @Autowired Learning learning;

  @BeforeEach
  void sampleContent() {
    programmes.loadSampleContent();
  }

  @Test
  void loadingTheSampleAgainChangesNothing() {
    assertThat(programmes.loadSampleContent()).isZero();
  }

  @Test
  void publishedPackagesAreFreeOnlineCoursesInTheCatalogueWithTheirWorkloadAsExtent()
      throws Exception {
    // Other tests publish copies of the sample under other addresses; each is listed the same way.
    List<MatchableOffering> basics = new ArrayList<>();
    List<MatchableOffering> advanced = new ArrayList<>();
    education.forEachMatchableOffering(
        Language.FI,
        o -> {
          if (o.title().text().equals("Tekoäly julkisissa palveluissa – perusteet")) {
            basics.add(o);
          } else if (o.title()
              .text()
              .equals("Ihmiskeskeisen tekoälypalvelun suunnittelu ja hankinta")) {
            advanced.add(o);
          }
        });
    assertThat(basics).isNotEmpty();
    assertThat(advanced).hasSize(1);
    assertThat(advanced.getFirst().extentCredits()).isEqualByComparingTo(new BigDecimal("0.22"));
    for (MatchableOffering o : basics) {
      assertThat(o.level()).isEqualTo(EducationLevel.MOOC);
      assertThat(o.online()).isTrue();
      assertThat(o.cost()).isEqualByComparingTo(BigDecimal.ZERO);
      // Three hours of study at 27 hours to the credit.
      assertThat(o.extentCredits()).isEqualByComparingTo(new BigDecimal("0.11"));
      assertThat(o.teachingLanguages()).contains(Language.FI, Language.SV, Language.EN);
      assertThat(o.skills().stream().map(ConceptUri::value).collect(Collectors.toSet()))
          .containsAll(BASIC_OUTCOMES);
    }

    String search =
        mvc.perform(
                get("/api/v1/education/search")
                    .param("q", "tekoäly julkisissa palveluissa")
                    .param("lang", "fi"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(search).contains("Tekoäly julkisissa palveluissa – perusteet");
    String swedish =
        mvc.perform(get("/education").param("q", "AI i offentliga tjänster").param("lang", "sv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(swedish).contains("AI i offentliga tjänster – grunder");
  }

  @Test
  void aPackageAnEditorPublishesIsFoundInTheEducationSearchAtOnce() throws Exception {
    // Publishing lists the package in the catalogue inside the editor's transaction: the search
    // index must be written after that transaction commits, or it reads nothing and the package
    // is never found (the queue of index work was emptied in the same transaction).
    String organisation = "https://org-" + UUID.randomUUID() + ".example.fi";
    RequestPostProcessor editor = editorOf(organisation);
    // A word no other offering has: letters only, so every language's analysis keeps it whole.
    String word =
        "osaava"
            + UUID.randomUUID()
                .toString()
                .replaceAll("[^0-9]", "")
                .chars()
                .mapToObj(c -> String.valueOf((char) ('a' + c - '0')))
                .collect(Collectors.joining());
    String location = startPackage(editor);
    String content =
        sample("ai-basics.json")
            .replace("perusteet", "perusteet " + word)
            .replace("the basics", "the basics " + word);
    mvc.perform(post(location).with(editor).param("content", content));
    publish(location, editor);
    // The page repeats the query, so the hit itself is looked for: its title in the page's
    // language.
    for (String title :
        List.of(
            "fi:Tekoäly julkisissa palveluissa – perusteet " + word,
            "en:AI in public services – the basics " + word)) {
      String language = title.substring(0, 2);
      String results =
          mvc.perform(get("/education").param("q", word).header("Accept-Language", language))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(results).as(language).contains("offering-hit").contains(title.substring(3));
    }
  }

  /** Publishes the draft on the editor's page, which says it was published. */
  private void publish(String location, RequestPostProcessor editor) throws Exception {
    assertThat(
            mvc.perform(post(location + "/publish").with(editor))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?published");
  }

  /** A programme and a package in it, started on the editor's pages; the package's edit page. */
  private String startPackage(RequestPostProcessor editor) throws Exception {
    String programmeSlug = "p-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
        post("/programmes/edit/programmes")
            .with(editor)
            .param("slug", programmeSlug)
            .param("titleFi", "Ohjelma"));
    String programmeId =
        jdbc.sql("SELECT id::text FROM programme WHERE slug = ?")
            .param(programmeSlug)
            .query(String.class)
            .single();
    return mvc.perform(
            post("/programmes/edit/packages")
                .with(editor)
                .param("programme", programmeId)
                .param("slug", "k-" + UUID.randomUUID().toString().substring(0, 8)))
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private RequestPostProcessor editorOf(String organisation) {
    return oidc.person(
        "editor-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisation));
  }

  private static String sample(String file) throws Exception {
    return new ClassPathResource("programmes/sample/" + file)
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).with(who).header("Accept-Language", "en")).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void aPublishedVersionNeverChangesAndLearnersKeepTheVersionTheyStarted() throws Exception {
    String organisation = "https://org-" + UUID.randomUUID() + ".example.fi";
    RequestPostProcessor editor = editorOf(organisation);
    String programmeSlug = "p-" + UUID.randomUUID().toString().substring(0, 8);
    String slug = "k-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            mvc.perform(
                    post("/programmes/edit/programmes")
                        .with(editor)
                        .param("slug", programmeSlug)
                        .param("titleFi", "Kunnan digiosaaminen"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/programmes/edit?programmeCreated");
    String programmeId =
        jdbc.sql("SELECT id::text FROM programme WHERE slug = ?")
            .param(programmeSlug)
            .query(String.class)
            .single();
    String location =
        mvc.perform(
                post("/programmes/edit/packages")
                    .with(editor)
                    .param("programme", programmeId)
                    .param("slug", slug))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).matches("/programmes/edit/packages/[0-9a-f-]{36}");
    String first = sample("ai-basics.json").replace("the basics", "first edition");
    mvc.perform(post(location).with(editor).param("content", first));
    // The draft is previewed as learners would see it, but learners cannot see it yet.
    assertThat(page(location + "/preview/what-ai-is", editor)).contains("Preview");
    assertThat(
            mvc.perform(get("/programmes/packages/" + slug)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    publish(location, editor);

    RequestPostProcessor learner = oidc.person("learner-" + UUID.randomUUID());
    mvc.perform(post("/programmes/packages/" + slug + "/enrol").with(learner));
    mvc.perform(post("/programmes/packages/" + slug + "/modules/what-ai-is/done").with(learner));

    // Saving after publishing drafts version 2 beside version 1.
    String second = sample("ai-basics.json").replace("the basics", "second edition");
    mvc.perform(post(location).with(editor).param("content", second));
    String versions = page(location, editor);
    assertThat(versions).contains("Draft of version 2");
    mvc.perform(post(location + "/publish").with(editor));

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE programme_package_version v SET content = '{}'::jsonb FROM"
                            + " programme_package p WHERE p.id = v.package_id AND p.slug = ? AND"
                            + " v.version = 1")
                    .param(slug)
                    .update())
        .as("the database refuses to change a published version")
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "DELETE FROM programme_package_version v USING programme_package p WHERE"
                            + " p.id = v.package_id AND p.slug = ? AND v.version = 2")
                    .param(slug)
                    .update())
        .isInstanceOf(DataAccessException.class);

    String learnersPage = page("/programmes/packages/" + slug, learner);
    assertThat(learnersPage)
        .contains("AI in public services – first edition")
        .contains("A newer version of this package has been published")
        .contains("1 of 4 modules done");
    String newcomersPage =
        page("/programmes/packages/" + slug, oidc.person("newcomer-" + UUID.randomUUID()));
    assertThat(newcomersPage).contains("AI in public services – second edition");
    assertThat(page("/programmes", learner))
        .contains("second edition")
        .doesNotContain("first edition");
  }

  @Test
  void aDraftWithProblemsIsNotPublishedAndEachProblemIsNamed() throws Exception {
    String organisation = "https://org-" + UUID.randomUUID() + ".example.fi";
    RequestPostProcessor editor = editorOf(organisation);
    String location = startPackage(editor);
    String broken =
        sample("ai-basics.json")
            .replace("\"kind\": \"TEXT\"", "\"kind\": \"VIDEO\"")
            .replaceFirst("\"en\": \"AI in public services – the basics\"", "\"en\": \"\"");
    mvc.perform(post(location).with(editor).param("content", broken));
    MockHttpServletResponse refused =
        mvc.perform(post(location + "/publish").with(editor).header("Accept-Language", "en"))
            .andReturn()
            .getResponse();
    assertThat(refused.getContentAsString())
        .contains("The draft cannot be published yet")
        .contains("modules[0].transcriptUrl")
        .contains("title");
    MockHttpServletResponse notJson =
        mvc.perform(
                post(location)
                    .with(editor)
                    .header("Accept-Language", "en")
                    .param("content", "{\n\"title\": {\"fi\": \"x\"},\n\"level\": \"EXPERT\"\n}"))
            .andReturn()
            .getResponse();
    assertThat(notJson.getStatus()).isEqualTo(200);
    assertThat(notJson.getContentAsString()).contains("is not valid package JSON (line 3)");
  }

  @Test
  void aLearnerCompletesAPackageAndItsSkillsLandInTheProfileAsVerifiedFromACheckedCredential()
      throws Exception {
    RequestPostProcessor learner = oidc.person("learner-" + UUID.randomUUID());
    String base = "/programmes/packages/ai-basics";
    assertThat(
            mvc.perform(post(base + "/enrol").with(learner))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo(base + "/modules/what-ai-is");
    mvc.perform(post(base + "/modules/what-ai-is/done").with(learner));
    // Resuming goes to the module opened last, else the first one not yet done.
    assertThat(
            mvc.perform(post(base + "/enrol").with(learner))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo(base + "/modules/responsible-use");
    mvc.perform(get(base + "/modules/check-your-understanding").with(learner));
    assertThat(
            mvc.perform(post(base + "/enrol").with(learner))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo(base + "/modules/check-your-understanding");
    mvc.perform(post(base + "/modules/responsible-use/done").with(learner));

    String failed =
        mvc.perform(
                post(base + "/modules/check-your-understanding/quiz")
                    .with(learner)
                    .header("Accept-Language", "en")
                    .param("answer.estimate", "fact")
                    .param("answer.responsibility", "organisation"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(failed)
        .contains("Not passed yet")
        .contains("1 of 4 right")
        .contains("No. A model checks no facts")
        .contains("Not answered");

    String bad =
        String.valueOf(
            mvc.perform(
                    post(base + "/modules/check-your-understanding/quiz")
                        .with(learner)
                        .param("answer.estimate", "no-such-option"))
                .andReturn()
                .getResponse()
                .getStatus());
    assertThat(bad).isEqualTo("400");

    String passed =
        mvc.perform(
                post(base + "/modules/check-your-understanding/quiz")
                    .with(learner)
                    .header("Accept-Language", "en")
                    .param("answer.estimate", "estimate")
                    .param("answer.responsibility", "organisation")
                    .param("answer.chatbot", "tell")
                    .param("answer.equality", "average"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(passed).contains("Passed").contains("3 of 4 right");

    String empty =
        mvc.perform(
                post(base + "/modules/reflect-on-your-work/reflection")
                    .with(learner)
                    .header("Accept-Language", "en")
                    .param("text", "   "))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(empty).contains("Write your reflection before saving");

    String done =
        mvc.perform(
                post(base + "/modules/reflect-on-your-work/reflection")
                    .with(learner)
                    .param(
                        "text",
                        "Our benefits desk could route messages; people must reach a person."))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(done).isEqualTo(base + "?completed");
    assertThat(page(base + "?completed", learner))
        .contains("You completed the package.")
        .contains("4 of 4 modules done");

    JsonNode skills =
        json.readTree(
            mvc.perform(get("/api/v1/profile/skills").with(learner))
                .andReturn()
                .getResponse()
                .getContentAsString());
    Set<String> verified = new java.util.HashSet<>();
    skills.findParents("skillUri").stream()
        .filter(s -> s.path("verified").asBoolean(false))
        .forEach(s -> verified.add(s.path("skillUri").asString()));
    assertThat(verified).containsAll(BASIC_OUTCOMES);
    assertThat(skills.toString()).contains("Osaava");

    JsonNode credentials =
        json.readTree(
            mvc.perform(get("/api/v1/profile/credentials").with(learner))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(credentials.toString())
        // The credential is named in the package's first language.
        .contains("Tekoäly julkisissa palveluissa – perusteet")
        .contains("open-badge-3");
    assertThat(credentials.findValues("signatureChecked").stream().anyMatch(JsonNode::asBoolean))
        .as("the profile checked the credential's signature")
        .isTrue();

    // The export names the learner's own progress; the credential itself, tampered, is refused.
    String export =
        mvc.perform(get("/api/v1/profile/export").with(learner))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(export).contains("learningProgrammes").contains("reflect-on-your-work");
    String credential =
        jdbc.sql(
                "SELECT e.credential FROM programme_enrolment e JOIN programme_package p ON p.id ="
                    + " e.package_id WHERE p.slug = 'ai-basics' AND e.completed_at IS NOT NULL"
                    // Other tests seed completions without credentials (team progress).
                    + " AND e.credential IS NOT NULL ORDER BY e.completed_at DESC LIMIT 1")
            .query(String.class)
            .single();
    String[] parts = credential.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"level:basic\"", "\"level:advanced\"");
    assertThat(payload).contains("level:advanced");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    PersonId other = personOf("tamper-" + UUID.randomUUID());
    assertThatThrownBy(
            () ->
                profile.addIssuedCredential(
                    other, "tampered.jwt", tampered.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("signature");
    assertThat(
            profile.addIssuedCredential(
                other, "original.jwt", credential.getBytes(StandardCharsets.US_ASCII)))
        .isNotNull();
  }

  /** Every question answered right, or every one wrong. */
  private static QuizScoring.Result attempt(Module quiz, boolean right, int pass) {
    Map<String, String> answers = new HashMap<>();
    for (PackageContent.Question q : quiz.questions()) {
      answers.put(
          q.key(),
          q.options().stream().filter(o -> o.correct() == right).findFirst().orElseThrow().key());
    }
    return QuizScoring.score(quiz, answers, pass);
  }

  private List<String> rows(String table, PersonId person, PackageVersion version) {
    return jdbc.sql(
            "SELECT module_key FROM "
                + table
                + " WHERE person_id = ? AND version_id = ? ORDER BY module_key COLLATE \"C\"")
        .params(person.value(), version.id())
        .query(String.class)
        .list();
  }

  @Test
  void movingToANewerVersionKeepsExactlyTheProgressOfUnchangedModules() throws Exception {
    Random random = new Random(1911);
    TestPackages packages = new TestPackages(store, json);
    PackageContent sample = packages.sample("the basics", "versions");
    int moved = 0;
    int kept = 0;
    for (int trial = 0; trial < 8; trial++) {
      PackageVersion v1 = packages.first(sample);
      int pass = v1.content().passPercent();
      // A second version: each module kept, retitled or removed, perhaps one added anywhere, and
      // now and then a new pass mark.
      int newPass = random.nextInt(5) == 0 ? pass - 5 : pass;
      List<Module> modules = new ArrayList<>();
      for (Module m : v1.content().modules()) {
        switch (random.nextInt(5)) {
          case 0 -> {}
          case 1 -> modules.add(TestPackages.retitled(m, m.key(), "en", "Revised"));
          default -> modules.add(m);
        }
      }
      if (modules.isEmpty() || random.nextBoolean()) {
        modules.add(
            random.nextInt(modules.size() + 1),
            TestPackages.retitled(
                v1.content().modules().getFirst(), "added-" + trial, "en", "Added"));
      }
      PackageVersion v2 = packages.next(v1, modules, newPass);
      VersionChange change = VersionChange.between(v1.content(), v2.content());

      PersonId person = personOf("mover-" + UUID.randomUUID());
      learning.enrol(person, v1);
      Set<String> worked = new HashSet<>();
      Map<String, Integer> attempts = new HashMap<>();
      for (Module m : v1.content().modules()) {
        if (random.nextInt(3) == 0) {
          continue;
        }
        worked.add(m.key());
        switch (m.kind()) {
          case QUIZ -> {
            int tries = 1 + random.nextInt(2);
            for (int t = 0; t < tries; t++) {
              learning.recordAttempt(person, v1, m, attempt(m, random.nextBoolean(), pass));
            }
            attempts.put(m.key(), tries);
          }
          case REFLECTION -> learning.saveReflection(person, v1, m, "My thoughts " + trial);
          default -> learning.markDone(person, v1, m);
        }
      }
      Learning.Enrolment before = learning.enrolment(person, v1.packageId()).orElseThrow();
      List<String> doneBefore = rows("programme_module_done", person, v1);
      Set<String> unchanged = new HashSet<>();
      change.modules(VersionChange.Kind.UNCHANGED).forEach(m -> unchanged.add(m.key()));

      boolean movable = change.movable(worked, before.completed());
      assertThat(learning.newerVersion(person, v2).orElseThrow().movable())
          .as("trial %d", trial)
          .isEqualTo(movable);
      Learning.Move move = learning.moveTo(person, v2);
      Learning.Enrolment after = learning.enrolment(person, v1.packageId()).orElseThrow();
      if (!movable) {
        assertThat(move).isEqualTo(Learning.Move.REFUSED);
        assertThat(after).isEqualTo(before);
        assertThat(rows("programme_module_done", person, v1)).isEqualTo(doneBefore);
        kept++;
        continue;
      }
      moved++;
      List<String> expectedDone = doneBefore.stream().filter(unchanged::contains).sorted().toList();
      assertThat(rows("programme_module_done", person, v2))
          .as("trial %d", trial)
          .isEqualTo(expectedDone);
      // What belonged to removed modules stays with the old version, nothing is lost.
      assertThat(rows("programme_module_done", person, v1))
          .isEqualTo(doneBefore.stream().filter(k -> !unchanged.contains(k)).toList());
      List<String> expectedAttempts = new ArrayList<>();
      attempts.forEach(
          (key, n) -> {
            if (unchanged.contains(key)) {
              for (int i = 0; i < n; i++) {
                expectedAttempts.add(key);
              }
            }
          });
      assertThat(rows("programme_quiz_attempt", person, v2))
          .isEqualTo(expectedAttempts.stream().sorted().toList());
      assertThat(rows("programme_reflection", person, v2))
          .isEqualTo(
              change.modules(VersionChange.Kind.UNCHANGED).stream()
                  .filter(m -> m.kind() == ModuleKind.REFLECTION && worked.contains(m.key()))
                  .map(Module::key)
                  .toList());
      assertThat(after.versionId()).isEqualTo(v2.id());
      boolean nowComplete = expectedDone.size() == v2.content().modules().size();
      if (before.completed()) {
        assertThat(after.completedAt()).isEqualTo(before.completedAt());
        assertThat(move).isEqualTo(Learning.Move.MOVED);
      } else {
        assertThat(move)
            .isEqualTo(nowComplete ? Learning.Move.MOVED_AND_COMPLETED : Learning.Move.MOVED);
        assertThat(after.completed()).isEqualTo(nowComplete);
      }
      assertThat(learning.newerVersion(person, v2)).isEmpty();
      assertThat(learning.moveTo(person, v2)).isEqualTo(Learning.Move.NOTHING_TO_MOVE);
    }
    // The seed gives both kinds of learner.
    assertThat(moved).isPositive();
    assertThat(kept).isPositive();
  }

  @Test
  void aLearnerSeesWhatANewerVersionChangesAndMovesOnlyWhenItAddsNothingTheyHaveNotDone()
      throws Exception {
    TestPackages packages = new TestPackages(store, json);
    PackageVersion v1 = packages.first(packages.sample("the basics", "moving"));
    String slug = v1.packageSlug();
    String base = "/programmes/packages/" + slug;
    RequestPostProcessor early = oidc.person("early-" + UUID.randomUUID());
    RequestPostProcessor further = oidc.person("further-" + UUID.randomUUID());
    mvc.perform(post(base + "/enrol").with(early));
    mvc.perform(post(base + "/modules/what-ai-is/done").with(early));
    mvc.perform(post(base + "/modules/what-ai-is/done").with(further));
    mvc.perform(post(base + "/modules/responsible-use/done").with(further));

    // Version 2 rewrites the second module and adds one before the quiz: behind the learner who
    // read two modules, ahead of the one who read the first.
    List<Module> modules = new ArrayList<>(v1.content().modules());
    modules.set(
        1,
        TestPackages.retitled(modules.get(1), "responsible-use", "en", "Responsible use, revised"));
    modules.add(2, TestPackages.retitled(modules.get(0), "case-study", "en", "A case study"));
    PackageVersion v2 = packages.next(v1, modules, v1.content().passPercent());

    String earlyPage = page(base, early);
    assertThat(earlyPage)
        .contains("Version 2 has been published")
        .contains("Changed modules")
        .contains("Responsible use, revised")
        .contains("Added modules")
        .contains("A case study")
        .doesNotContain("Removed modules")
        .contains("Move to version 2")
        .contains("name=\"_csrf\"");
    String furtherPage = page(base, further);
    assertThat(furtherPage)
        .contains("Version 2 has been published")
        .contains("so you continue the version you started")
        .doesNotContain("Move to version 2");
    // The learner who keeps version 1 still reads it, the old module's title included.
    assertThat(page(base + "/modules/responsible-use", further))
        .contains("Responsible use: data, openness and equal treatment")
        .doesNotContain("Responsible use, revised");
    assertThat(
            mvc.perform(post(base + "/move").with(further).param("version", "2"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);

    // A form from before an even newer version moves nothing.
    assertThat(
            mvc.perform(post(base + "/move").with(early).param("version", "1"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo(base);
    assertThat(page(base, early)).contains("Move to version 2");
    assertThat(
            mvc.perform(post(base + "/move").with(early).param("version", "2"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo(base + "?moved");
    assertThat(page(base + "?moved", early))
        .contains("You now study version 2")
        .contains("1 of 5 modules done")
        .contains("A case study")
        .doesNotContain("Move to version");
    assertThat(page(base, further)).contains("2 of 4 modules done");
    assertThat(v2.version()).isEqualTo(2);
  }

  /** A person created by signing in once. */
  private PersonId personOf(String subject) throws Exception {
    RequestPostProcessor who = oidc.person(subject);
    mvc.perform(get("/profile").with(who));
    var auth =
        new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(
            new org.springframework.security.oauth2.core.user.DefaultOAuth2User(
                List.of(), Map.of("sub", subject), "sub"),
            List.of(),
            "osaava");
    return profile.currentPerson(auth).orElseThrow();
  }
}
