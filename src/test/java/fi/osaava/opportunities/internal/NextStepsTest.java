package fi.osaava.opportunities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.MatchableOffering;
import fi.osaava.opportunities.internal.OpportunityViews.PathStep;
import fi.osaava.opportunities.internal.OpportunityViews.SkillRef;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.web.WebTestBase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * The front door's "next steps" for a real signed-in person, one state after another: an empty
 * profile is asked for its own words or a CV; suggestions waiting for a decision come first and
 * lead to the entry; with confirmed skills the best-fitting occupations are named with their fit
 * and lead to their goal pages; a saved plan shows its next offering with extent and start; a
 * finished plan says so. Nobody signed in sees no such section.
 */
class NextStepsTest extends WebTestBase {

  static final String FIRST_AID =
      "http://data.europa.eu/esco/skill/169239b5-3644-4e23-8a85-4f5896dbdb8e";
  static final String REHABILITATION =
      "http://data.europa.eu/esco/skill/2435cec5-38ed-4ec2-8cbe-57381ffcf353";

  @Autowired PlanStore plans;
  @Autowired EducationApi education;
  @Autowired EducationCatalogue catalogue;

  private Document home(RequestPostProcessor who, String language) throws Exception {
    var request = get("/").header("Accept-Language", language);
    if (who != null) {
      request = request.with(who);
    }
    return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
  }

  @Test
  void eachStateOfTheProfileShowsItsStep() throws Exception {
    assertThat(home(null, "fi").select("#next-steps")).isEmpty();

    String subject = "next-steps-" + UUID.randomUUID();
    RequestPostProcessor me = oidc.person(subject);

    // No skills: find them from one's own words or a CV.
    Document empty = home(me, "fi");
    assertThat(empty.select("#next-steps h2").text()).isEqualTo("Seuraavat askeleesi");
    assertThat(empty.select("#next-steps > ol > li").eachAttr("id"))
        .containsExactly("next-identify", "next-cv");
    assertThat(empty.select("#next-identify a").attr("href")).isEqualTo("/identify");
    assertThat(empty.select("#next-identify p").text()).contains("Profiilissasi ei ole vielä");

    // Confirmed skills: the occupations that fit best, each with its fit and goal page.
    for (String skill : List.of(FIRST_AID, REHABILITATION)) {
      mvc.perform(post("/profile/skills").param("uri", skill).param("level", "ADVANCED").with(me));
    }
    Document skilled = home(me, "en");
    Element occupations = skilled.selectFirst("#next-occupations");
    assertThat(occupations).isNotNull();
    assertThat(occupations.select("p").text()).contains("fit your 2 skills best");
    assertThat(occupations.select("ul li")).hasSize(NextStepsService.TOP_OCCUPATIONS);
    for (Element item : occupations.select("ul li")) {
      assertThat(item.select("a").attr("href")).startsWith("/opportunities/goals/");
      assertThat(item.select("a").text()).isNotBlank();
      String fit = item.select(".meta").text();
      assertThat(fit).matches(".*skill match \\d+ %");
      assertThat(fit).matches("(one|\\d+) of your skills.*");
    }
    assertThat(occupations.select("ul li .meta").eachText())
        .anyMatch(t -> t.matches("(one|[1-9]\\d*) of your skills match.*"));
    assertThat(skilled.select("#next-interests a").attr("href")).isEqualTo("/profile/interests");

    // A described job: its suggestions wait for a decision, and the step leads to the entry.
    RequestPostProcessor cook = oidc.person("next-steps-cook-" + UUID.randomUUID());
    mvc.perform(
        post("/profile/experiences")
            .param("kind", "WORK")
            .param("title", "Kokki")
            .param("organisation", "Ravintola Testi")
            .param("description", "Valmistin ruokia ja leivoin leipää ravintolan keittiössä.")
            .with(cook));
    Document waiting = home(cook, "sv");
    Element confirm = waiting.selectFirst("#next-confirm");
    assertThat(confirm).isNotNull();
    assertThat(confirm.select("a").attr("href")).startsWith("/profile/experiences/");
    assertThat(confirm.select("p").text()).containsPattern("\\d+ föreslagna färdigheter väntar");
    assertThat(waiting.select("#next-steps > ol > li").eachAttr("id"))
        .containsExactly("next-confirm", "next-identify", "next-cv");

    // The occupations the person's work entry names rank first even before a skill matches, and
    // the step says why.
    mvc.perform(post("/profile/skills").param("uri", FIRST_AID).param("level", "BASIC").with(cook));
    assertThat(home(cook, "sv").select("#next-occupations ul li .meta").eachText())
        .anyMatch(t -> t.startsWith("du har arbetat i yrket"));

    // A saved plan: its first step with the offering's extent and next start.
    MatchableOffering offering = pushedCourse();
    PersonId person = personOf(me);
    plans.save(
        person,
        "OCCUPATION",
        "goal",
        "lähihoitaja",
        List.of(
            step(offering, "Ensimmäinen askel", new BigDecimal("15.0")),
            step(offering, "Toinen askel", new BigDecimal("10"))));
    Document planned = home(me, "fi");
    Element next = planned.selectFirst("#next-offering");
    assertThat(next).isNotNull();
    assertThat(next.select("a").text())
        .isEqualTo("Seuraavaksi suunnitelmassasi: Ensimmäinen askel");
    assertThat(next.select("a").attr("href")).startsWith("/opportunities/plans#plan-");
    // The first start from today on (the test clock's 2026-10-31), not the past one.
    assertThat(next.select("p").text())
        .isEqualTo(
            "Vaihe 1/2 polullasi kohti tavoitetta lähihoitaja. Laajuus: 15 opintopistettä."
                + " Alkaa: 1. maaliskuuta 2099.");
    assertThat(home(me, "sv").select("#next-offering p").text())
        .isEqualTo(
            "Steg 1 av 2 på din väg mot lähihoitaja. Omfattning: 15 studiepoäng."
                + " Börjar: 1 mars 2099.");
    assertThat(planned.select("#next-occupations")).isEmpty();

    // Every step done: the plan is finished.
    UUID plan = plans.plans(person).getFirst().id();
    plans.markDone(person, plan, 0);
    assertThat(home(me, "fi").select("#next-offering p").text()).startsWith("Vaihe 2/2");
    plans.markDone(person, plan, 1);
    Document done = home(me, "fi");
    assertThat(done.select("#next-planDone a").text())
        .isEqualTo("Suunnitelmasi kohti tavoitetta lähihoitaja on tehty");
  }

  /**
   * A course pushed as a provider would, with a past and a future start: the real catalogue's
   * records carry no start dates.
   */
  private MatchableOffering pushedCourse() throws Exception {
    String id = UUID.randomUUID().toString();
    String title = "Ensiavun kertauskurssi " + id;
    Path file = Files.createTempFile("next-steps", ".jsonld");
    try {
      Files.writeString(
          file,
          """
          {"@context": "https://schema.org", "@graph": [
            {"@type": "Course", "@id": "https://courses.example.fi/next-steps/%s",
             "name": {"@language": "fi", "@value": "%s"},
             "educationalLevel": "SHORT_COURSE", "numberOfCredits": 2,
             "provider": {"name": "Seuraavien askelten testiopisto"},
             "hasCourseInstance": [
               {"@type": "CourseInstance", "courseMode": "online", "startDate": "2020-01-15"},
               {"@type": "CourseInstance", "courseMode": "online", "startDate": "2099-03-01"}]}
          ]}
          """
              .formatted(id, title));
      catalogue.importJsonLd(file, ImportProgress.silent());
    } finally {
      Files.deleteIfExists(file);
    }
    List<MatchableOffering> found = new ArrayList<>();
    education.forEachMatchableOffering(
        Language.FI,
        o -> {
          if (o.title().text().equals(title)) {
            found.add(o);
          }
        });
    assertThat(found).as("the pushed course").hasSize(1);
    return found.getFirst();
  }

  private static PathStep step(MatchableOffering offering, String title, BigDecimal credits) {
    return new PathStep(
        offering.id().toString(),
        title,
        "UNIT",
        credits,
        false,
        3,
        BigDecimal.ZERO,
        false,
        false,
        List.of(
            new SkillRef(
                FIRST_AID,
                new fi.osaava.platform.LocalizedText("antaa ensiapua", Language.FI, false),
                true)));
  }

  /** The person the request post-processor signs in as, as the profile API names them. */
  private PersonId personOf(RequestPostProcessor who) throws Exception {
    String json =
        mvc.perform(get("/api/v1/profile").with(who))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return PersonId.of(new ObjectMapper().readTree(json).path("person").asString());
  }
}
