package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.RelatedConcept;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A followed goal and new offerings, on the real ESCO: the software developer needs skills A and B
 * (essential); one person has A in their profile, another has both. An offering that teaches B (and
 * a skill the goal does not need) reaches the first person's inbox, mail and webhook once, naming
 * B; an offering that teaches only A and that unneeded skill reaches nobody; the person who has
 * both gets nothing; a redelivered event adds nothing. An offering without curated skills alerts
 * the goal once identification has found a skill it lacks in the offering's text.
 */
class GoalOfferingAlertsTest extends WebTestBase {

  /** First aid: not a skill the software developer needs. */
  static final String FIRST_AID =
      "http://data.europa.eu/esco/skill/169239b5-3644-4e23-8a85-4f5896dbdb8e";

  @Autowired GoalOfferingAlerts alerts;
  @Autowired EducationCatalogue catalogue;
  @Autowired EducationApi education;
  @Autowired TaxonomyApi taxonomy;
  @Autowired MailOutbox mailOutbox;
  @Autowired WebhookOutbox webhookOutbox;
  @Autowired GreenMail mailServer;
  @Autowired JdbcClient jdbc;

  @Test
  void anOfferingThatTeachesAMissingSkillAlertsOnceAndNamesIt(@TempDir Path dir) throws Exception {
    List<ConceptUri> needed = developerNeeds();
    assertThat(needed).as("ESCO's developer needs several skills").hasSizeGreaterThan(2);
    assertThat(needed).doesNotContain(ConceptUri.of(FIRST_AID));
    ConceptUri held = needed.get(0);
    ConceptUri missing = needed.get(1);
    String missingLabel =
        taxonomy.summaries(List.of(missing), Language.EN).getFirst().label().text();

    String run = UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor learner = oidc.person("goal-offering-a-" + run);
    RequestPostProcessor expert = oidc.person("goal-offering-b-" + run);
    String learnerMail = "goal-offering-a-" + run + "@example.fi";
    String expertMail = "goal-offering-b-" + run + "@example.fi";
    addSkill(learner, held);
    addSkill(expert, held);
    addSkill(expert, missing);
    for (RequestPostProcessor person : List.of(learner, expert)) {
      SavedSearchSteps.saveFromPage(
          mvc, get("/opportunities/goals/" + JobAdAlertsTest.DEVELOPER_ID).with(person), person);
    }
    SavedSearchSteps.mailAtOnce(mvc, learner, learnerMail, "en");
    SavedSearchSteps.mailAtOnce(mvc, expert, expertMail, "en");

    try (WebhookSubscriber hook = new WebhookSubscriber()) {
      String secret = SavedSearchSteps.subscribe(mvc, learner, hook.url());
      Path file = dir.resolve("offerings.jsonld");
      Files.writeString(
          file,
          """
          {"@context": "https://schema.org", "@graph": [
            {"@type": "Course", "@id": "https://courses.example.fi/goal-alerts/%1$s/teaches",
             "name": "Kurssi %1$s", "description": "Verkkokurssi.",
             "teaches": ["%2$s", "%4$s"],
             "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online"}]},
            {"@type": "Course", "@id": "https://courses.example.fi/goal-alerts/%1$s/known",
             "name": "Toinen kurssi %1$s", "description": "Verkkokurssi.",
             "teaches": ["%3$s", "%4$s"],
             "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online"}]}
          ]}
          """
              .formatted(run, missing.value(), held.value(), FIRST_AID));
      catalogue.importJsonLd(file, ImportProgress.silent());

      Document inbox = html("/notifications/inbox", learner);
      assertThat(inbox.select("li.inbox-entry h2 a").eachText())
          .containsExactly("New offering for your goal: Kurssi " + run);
      assertThat(inbox.select("li.inbox-entry h2 a").attr("href"))
          .startsWith("/education/offerings/");
      String text = inbox.select("li.inbox-entry p.govuk-body").first().text();
      assertThat(text)
          .as("the reason: the missing skill it teaches, not the held or unneeded ones")
          .contains(missingLabel)
          .contains("needs and your profile does not have yet")
          .doesNotContain(taxonomy.summaries(List.of(held), Language.EN).getFirst().label().text());
      assertThat(html("/notifications/inbox", expert).select("li.inbox-entry"))
          .as("the person who has both skills lacks nothing the offerings teach")
          .isEmpty();

      mailOutbox.sendDue();
      assertThat(SavedSearchSteps.mailsTo(mailServer, learnerMail)).hasSize(1);
      assertThat(SavedSearchSteps.mailsTo(mailServer, expertMail)).isEmpty();
      String body =
          String.valueOf(SavedSearchSteps.mailsTo(mailServer, learnerMail).getFirst().getContent());
      assertThat(body).contains(missingLabel).doesNotContain(expertMail);

      webhookOutbox.deliverDue(Instant.now());
      WebhookSubscriber.Received delivery = SavedSearchSteps.onlySignedDelivery(hook, secret);
      assertThat(delivery.body())
          .contains("\"type\":\"education.offering.matched\"")
          .as("the person's skill gap stays in Osaava")
          .doesNotContain(missing.value())
          .doesNotContain(learnerMail);

      // The event delivered again (a restart's republication): nothing more anywhere.
      List<OfferingId> published =
          SavedSearchSteps.offeringsFrom(jdbc, "%/goal-alerts/" + run + "/%");
      assertThat(published).hasSize(2);
      alerts.offeringsPublished(new OfferingsPublished(published));
      mailOutbox.sendDue();
      webhookOutbox.deliverDue(Instant.now());
      assertThat(html("/notifications/inbox", learner).select("li.inbox-entry")).hasSize(1);
      assertThat(SavedSearchSteps.mailsTo(mailServer, learnerMail)).hasSize(1);
      assertThat(hook.received).hasSize(1);
    }
  }

  @Test
  void skillsIdentifiedAfterPublicationAlertTheGoalTheyServe(@TempDir Path dir) throws Exception {
    List<ConceptUri> needed = developerNeeds();
    List<String> labels =
        taxonomy.summaries(needed.subList(0, 3), Language.EN).stream()
            .map(s -> s.label().text())
            .toList();
    String run = UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor learner = oidc.person("goal-identified-" + run);
    SavedSearchSteps.saveFromPage(
        mvc, get("/opportunities/goals/" + JobAdAlertsTest.DEVELOPER_ID).with(learner), learner);

    // No curated skills: when it is published, the offering teaches nothing yet, so only the
    // identification that follows can tell the goal of it.
    Path file = dir.resolve("offerings.jsonld");
    Files.writeString(
        file,
        """
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Course", "@id": "https://courses.example.fi/goal-identified/%1$s",
           "name": "Course %1$s", "inLanguage": "en",
           "description": "In this online course you learn to %2$s, to %3$s and to %4$s.",
           "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online"}]}
        ]}
        """
            .formatted(run, labels.get(0), labels.get(1), labels.get(2)));
    catalogue.importJsonLd(file, ImportProgress.silent());
    education.identifyPendingSkills();

    Document inbox = html("/notifications/inbox", learner);
    assertThat(inbox.select("li.inbox-entry h2 a").eachText())
        .containsExactly("New offering for your goal: Course " + run);
    assertThat(inbox.select("li.inbox-entry p.govuk-body").first().text())
        .as("the reason names a skill identified in the text")
        .containsAnyOf(labels.toArray(String[]::new));
  }

  /** The software developer's essential skills in ESCO. */
  private List<ConceptUri> developerNeeds() {
    return taxonomy
        .skillsOfOccupation(
            ConceptUri.of(JobAdAlertsTest.DEVELOPER),
            RelationType.ESSENTIAL,
            Language.EN,
            new Paging(0, 200))
        .items()
        .stream()
        .map(RelatedConcept::concept)
        .map(c -> c.uri())
        .toList();
  }

  private void addSkill(RequestPostProcessor person, ConceptUri skill) throws Exception {
    mvc.perform(
        post("/profile/skills")
            .param("uri", skill.value())
            .param("level", "ADVANCED")
            .with(person)
            .with(csrf()));
  }

  private Document html(String path, RequestPostProcessor person) throws Exception {
    return SavedSearchSteps.html(mvc, path, person);
  }
}
