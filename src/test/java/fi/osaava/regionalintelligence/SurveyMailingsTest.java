package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.SurveyMailings;
import fi.osaava.regionalintelligence.internal.SurveyStore;
import fi.osaava.web.WebTestBase;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Invitations and reminders by e-mail through the notifications module's outbox, read from the
 * in-process GreenMail server: one mail per company and kind, in the company's language, with its
 * own link; reminders only to those who have not sent their response (a saved one has not), at most
 * once in the interval, never twice under concurrent clicks, and none after the survey closes, when
 * the contacts and the record of their mails are deleted.
 */
class SurveyMailingsTest extends WebTestBase {

  @Autowired GreenMail mailServer;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired SurveyMailings mailings;
  @Autowired SurveyStore store;
  @Autowired fi.osaava.notifications.Notifications notifications;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String yksi = "yksi-" + run + "@example.fi";
  final String tva = "tva-" + run + "@example.fi";
  final String nelja = "nelja-" + run + "@example.fi";

  @Test
  void invitationsAndRemindersGoOnceEachToThoseWhoHaveNotAnsweredAndStopAtClosing()
      throws Exception {
    RequestPostProcessor owner = owner();
    String survey = openSurvey(owner);
    MockHttpServletResponse refused =
        mvc.perform(
                post("/surveys/manage/" + survey + "/invitations")
                    .with(owner)
                    .header("Accept-Language", "en")
                    .param("companies", "Yksi; " + yksi + "; de"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("the language after the second semicolon must be fi, sv or en");
    mvc.perform(
        post("/surveys/manage/" + survey + "/invitations")
            .with(owner)
            .param(
                "companies",
                String.join(
                    "\n",
                    "Yksi Oy; " + yksi,
                    "Två Ab; " + tva + "; SV",
                    "Kolme Oy",
                    "Neljä Ltd; " + nelja + "; en")));

    // Three have an address; a second click queues nothing more.
    assertThat(action(owner, survey, "/invitations/mail", "fi")).endsWith("?mailed=3#invitations");
    assertThat(action(owner, survey, "/invitations/mail", "fi")).endsWith("?mailed=0#invitations");
    sendDue();
    Map<String, String> tokens = tokens(survey);
    List<MimeMessage> toYksi = mailsTo(yksi);
    assertThat(toYksi).hasSize(1);
    assertThat(toYksi.getFirst().getSubject()).startsWith("Kysely osaamistarpeista: ");
    assertThat(body(toYksi.getFirst()))
        .contains("/surveys/r/" + tokens.get("Yksi Oy") + "?lang=fi")
        .doesNotContain(tokens.get("Två Ab"))
        .as("no closing date, no date to answer by")
        .doesNotContain("viimeistään");
    List<MimeMessage> toTva = mailsTo(tva);
    assertThat(toTva).hasSize(1);
    assertThat(toTva.getFirst().getSubject()).startsWith("Enkät om kompetensbehov: ");
    assertThat(body(toTva.getFirst())).contains("/surveys/r/" + tokens.get("Två Ab") + "?lang=sv");
    assertThat(mailsTo(nelja).getFirst().getSubject()).startsWith("Survey on competence needs: ");
    String page = page(owner, "/surveys/manage/" + survey);
    assertThat(page).contains("no e-mail").contains("Mail the invitations (0 not mailed yet)");

    // Yksi saves without sending, Neljä sends its response.
    answer(tokens.get("Yksi Oy"), "save");
    answer(tokens.get("Neljä Ltd"), "submit");
    // Everyone was mailed just now: no reminder is due yet.
    assertThat(action(owner, survey, "/reminders", "en")).endsWith("?reminded=0#invitations");
    backdate(survey, 4);
    // Two threads click at once: one of them queues the reminders, the other finds them queued.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> clicks = new ArrayList<>();
    var found = store.find(UUID.fromString(survey)).orElseThrow();
    for (int i = 0; i < 2; i++) {
      Callable<Integer> click =
          () -> {
            start.await();
            return mailings.remind(found, Language.EN);
          };
      clicks.add(pool.submit(click));
    }
    start.countDown();
    int queued = 0;
    for (Future<Integer> f : clicks) {
      queued += f.get();
    }
    pool.shutdown();
    assertThat(queued).as("Yksi (saved, not sent) and Två, once").isEqualTo(2);
    assertThat(action(owner, survey, "/reminders", "en")).endsWith("?reminded=0#invitations");
    sendDue();
    assertThat(mailsTo(yksi)).hasSize(2);
    assertThat(mailsTo(yksi).get(1).getSubject()).startsWith("Muistutus: ");
    assertThat(body(mailsTo(yksi).get(1))).contains("/surveys/r/" + tokens.get("Yksi Oy"));
    assertThat(mailsTo(tva)).hasSize(2);
    assertThat(mailsTo(tva).get(1).getSubject()).startsWith("Påminnelse: ");
    assertThat(mailsTo(nelja)).as("Neljä answered: no reminder").hasSize(1);
    page = page(owner, "/surveys/manage/" + survey + "?lang=en");
    assertThat(page).containsPattern("1, latest \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");

    // A second reminder after another interval, numbered apart from the first.
    backdate(survey, 4);
    assertThat(action(owner, survey, "/reminders", "en")).endsWith("?reminded=2#invitations");
    sendDue();
    assertThat(mailsTo(yksi)).hasSize(3);

    // Closing deletes the contacts and the record of their mails; nothing more goes out.
    backdate(survey, 4);
    mvc.perform(post("/surveys/manage/" + survey + "/close").with(owner));
    assertThat(
            jdbc.sql(
                    "select count(*) from ri_contact_mail m join ri_response r on r.id ="
                        + " m.response_id where r.survey_id = ?")
                .param(UUID.fromString(survey))
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            mvc.perform(post("/surveys/manage/" + survey + "/reminders").with(owner))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);
    var closed = store.find(UUID.fromString(survey)).orElseThrow();
    assertThat(mailings.remind(closed, Language.FI)).isZero();
    assertThat(mailings.invite(closed, Language.FI)).isZero();
    sendDue();
    assertThat(mailsTo(yksi)).hasSize(3);
    assertThat(mailsTo(tva)).hasSize(3);
  }

  @Test
  void automaticRemindersFollowTheSameRulesAndStopAtTheirMostAndAtClosing() throws Exception {
    RequestPostProcessor owner = owner();
    String survey = openSurvey(owner);
    invite(owner, survey, "Yksi Oy; " + yksi, "Två Ab; " + tva + "; sv", "Neljä Ltd; " + nelja);
    assertThat(action(owner, survey, "/invitations/mail", "fi")).endsWith("?mailed=3#invitations");
    // Invited after the mailing: automatic reminders never go to a company not mailed its
    // invitation.
    String viisi = "viisi-" + run + "@example.fi";
    invite(owner, survey, "Viisi Oy; " + viisi);

    // Bad input is named beside its field and stores nothing; never a 500.
    Map<String, String[]> bad =
        Map.of(
            "autoDays", new String[] {"automatic", "true", "autoDays", "abc", "autoMost", "2"},
            "autoMost", new String[] {"automatic", "true", "autoDays", "5", "autoMost", "9"},
            "automatic", new String[] {"automatic", "maybe", "autoDays", "5", "autoMost", "2"});
    for (var e : bad.entrySet()) {
      MockHttpServletResponse refused = schedule(owner, survey, e.getValue());
      assertThat(refused.getStatus()).as(e.getKey()).isEqualTo(400);
      assertThat(refused.getContentAsString())
          .as(e.getKey())
          .contains("id=\"" + e.getKey() + "-error\"")
          .contains("href=\"#" + e.getKey() + "\"");
    }
    MockHttpServletResponse missing = schedule(owner, survey, "automatic", "true");
    assertThat(missing.getStatus()).isEqualTo(400);
    assertThat(missing.getContentAsString())
        .contains("Enter the days between two mails as a whole number from 1 to 60");
    assertThat(mailings.autoReminders(UUID.fromString(survey))).isEmpty();

    MockHttpServletResponse saved =
        schedule(owner, survey, "automatic", "true", "autoDays", "5", "autoMost", "2");
    assertThat(saved.getRedirectedUrl()).endsWith("?scheduled#auto-reminders");
    assertThat(page(owner, "/surveys/manage/" + survey + "?lang=en"))
        .contains("mailed nothing for 5 days, at most 2 reminders");

    Map<String, String> tokens = tokens(survey, 4);
    answer(tokens.get("Två Ab"), "submit");
    assertThat(remindDue()).as("everyone was mailed just now").isZero();
    backdate(survey, 4);
    assertThat(reminders(survey))
        .as("past the 3-day interval of the page, not the survey's 5 days")
        .isZero();
    remindDue();
    assertThat(reminders(survey)).isZero();
    backdate(survey, 2);
    remindDue();
    assertThat(reminders(survey))
        .as("Yksi and Neljä; Två answered, Viisi was never mailed")
        .isEqualTo(2);
    // A second round, as a node whose lease ran out, queues nothing twice.
    remindDue();
    assertThat(reminders(survey)).isEqualTo(2);
    sendDue();
    assertThat(mailsTo(yksi)).hasSize(2);
    assertThat(mailsTo(yksi).get(1).getSubject()).startsWith("Muistutus: ");
    assertThat(mailsTo(nelja)).hasSize(2);
    assertThat(mailsTo(tva)).hasSize(1);
    assertThat(mailsTo(viisi)).isEmpty();

    // The second reminder is the last: the most is 2.
    backdate(survey, 6);
    remindDue();
    assertThat(reminders(survey)).isEqualTo(4);
    backdate(survey, 6);
    remindDue();
    assertThat(reminders(survey)).isEqualTo(4);

    // Turned off, nothing goes; turned on again with 3 at most, the third.
    schedule(owner, survey, "autoDays", "5", "autoMost", "2");
    assertThat(mailings.autoReminders(UUID.fromString(survey))).isEmpty();
    assertThat(page(owner, "/surveys/manage/" + survey + "?lang=en"))
        .contains("Off: reminders go only when you send them above.");
    remindDue();
    assertThat(reminders(survey)).isEqualTo(4);
    schedule(owner, survey, "automatic", "true", "autoDays", "1", "autoMost", "3");
    // One day is less than the page's interval of 3 days, which holds: 2 days are not enough.
    backdate(survey, -4);
    remindDue();
    assertThat(reminders(survey)).isEqualTo(4);
    backdate(survey, 1);
    remindDue();
    assertThat(reminders(survey)).isEqualTo(6);

    // Closing turns them off and withdraws the reminders still queued: nothing more arrives. (The
    // outbox's own round, every 30 s, may have sent some before the closing.)
    mvc.perform(post("/surveys/manage/" + survey + "/close").with(owner));
    int before = mailsTo(yksi).size();
    assertThat(mailsTo(nelja)).hasSize(before);
    var closed = store.find(UUID.fromString(survey)).orElseThrow();
    assertThat(mailings.remindAutomatically(closed)).isZero();
    assertThat(mailings.autoReminders(closed.id())).isEmpty();
    sendDue();
    assertThat(mailsTo(yksi)).as("the queued reminders were withdrawn at closing").hasSize(before);
    assertThat(mailsTo(nelja)).hasSize(before);
    assertThat(outbox(yksi) + outbox(nelja)).isZero();
    assertThat(
            schedule(owner, survey, "automatic", "true", "autoDays", "5", "autoMost", "2")
                .getStatus())
        .isEqualTo(409);
  }

  @Test
  void aClosingDateIsCheckedShownRemindsOnceBeforeItAndClosesTheSurveyAtItsEnd() throws Exception {
    RequestPostProcessor owner = owner();
    String survey = openSurvey(owner);
    UUID id = UUID.fromString(survey);
    // The clock says 31.10.2026. Bad dates are named beside the field, never a 500, none stored.
    Map<String, String[]> bad = new java.util.LinkedHashMap<>();
    bad.put("today", new String[] {"31", "10", "2026"});
    bad.put("no such day", new String[] {"30", "2", "2027"});
    bad.put("a part missing", new String[] {"1", "", "2027"});
    bad.put("not a number", new String[] {"x", "1", "2027"});
    bad.put("month 13", new String[] {"1", "13", "2027"});
    for (var e : bad.entrySet()) {
      MockHttpServletResponse refused = closingDate(owner, survey, e.getValue());
      assertThat(refused.getStatus()).as(e.getKey()).isEqualTo(400);
      assertThat(refused.getContentAsString())
          .as(e.getKey())
          .contains("id=\"closesOn-error\"", "href=\"#closesOn\"", "id=\"closesOn\"")
          .contains(
              e.getKey().equals("today")
                  ? "The closing date must be after today"
                  : "Enter the closing date as a real day, month and year");
    }
    assertThat(store.find(id).orElseThrow().closesOn()).isNull();

    assertThat(closingDate(owner, survey, "5", "11", "2026").getRedirectedUrl())
        .endsWith("?dated#closing");
    assertThat(page(owner, "/surveys/manage/" + survey))
        .contains("Answers are taken until the end of 5.11.2026");
    invite(
        owner,
        survey,
        "Yksi Oy; " + yksi,
        "Två Ab; " + tva + "; sv",
        "Neljä Ltd; " + nelja + "; en");
    assertThat(action(owner, survey, "/invitations/mail", "fi")).endsWith("?mailed=3#invitations");
    Map<String, String> tokens = tokens(survey, 3);
    // The invitations say by when to answer, each in the company's language, the date as the
    // pages write it.
    sendDue();
    assertThat(body(mailsTo(yksi).getLast())).contains("Vastatkaa viimeistään 5.11.2026.");
    assertThat(body(mailsTo(tva).getLast())).contains("Svara senast 5.11.2026.");
    assertThat(body(mailsTo(nelja).getLast())).contains("Please answer by 5.11.2026.");
    answer(tokens.get("Neljä Ltd"), "submit");
    // Respondents see the date in their language.
    Map<String, String> says =
        Map.of(
            "fi", "Vastaa viimeistään 5.11.2026",
            "sv", "Svara senast 5.11.2026",
            "en", "Answer by 5.11.2026");
    for (var e : says.entrySet()) {
      assertThat(respondentPage("/surveys/r/" + tokens.get("Yksi Oy"), e.getKey()))
          .contains(e.getValue());
    }
    String openLink = "/surveys/open/" + store.find(id).orElseThrow().openToken();
    assertThat(respondentPage(openLink, "sv")).contains("Svara senast 5.11.2026");

    // Five days before the closing date no reminder is due yet (3 days before by default).
    assertThat(remindDue()).isZero();
    // Two days before, but everyone was mailed just now: the interval of 3 days holds.
    closingDate(owner, survey, "2", "11", "2026");
    assertThat(remindDue()).isZero();
    backdate(survey, 4);
    assertThat(remindDue()).as("Yksi and Två; Neljä answered").isEqualTo(2);
    assertThat(mails(survey, "CLOSING")).isEqualTo(2);
    // Once per invitation, however many rounds go by.
    backdate(survey, 4);
    assertThat(remindDue()).isZero();
    assertThat(mails(survey, "CLOSING")).isEqualTo(2);
    sendDue();
    assertThat(mailsTo(tva).getLast().getSubject()).startsWith("Sista dagarna att svara: ");
    assertThat(body(mailsTo(tva).getLast())).contains("2.11.2026", tokens.get("Två Ab"));
    assertThat(mailsTo(yksi).getLast().getSubject()).startsWith("Viimeiset vastauspäivät: ");
    assertThat(body(mailsTo(yksi).getLast()))
        .as("the reminder before closing names the date in its own words, once")
        .doesNotContain("Vastatkaa viimeistään");
    assertThat(mailsTo(nelja)).hasSize(1);

    // A reminder from the owner's button and an automatic one name the date moved to 2.11.
    backdate(survey, 4);
    assertThat(action(owner, survey, "/reminders", "en")).endsWith("?reminded=2#invitations");
    sendDue();
    assertThat(mailsTo(yksi).getLast().getSubject()).startsWith("Muistutus: ");
    assertThat(body(mailsTo(yksi).getLast())).contains("Vastatkaa viimeistään 2.11.2026.");
    assertThat(
            schedule(owner, survey, "automatic", "true", "autoDays", "3", "autoMost", "5")
                .getStatus())
        .isEqualTo(302);
    backdate(survey, 4);
    assertThat(remindDue()).as("automatic reminders to Yksi and Två").isEqualTo(2);
    sendDue();
    assertThat(mailsTo(tva).getLast().getSubject()).startsWith("Påminnelse: ");
    assertThat(body(mailsTo(tva).getLast())).contains("Svara senast 2.11.2026.");

    // The days go by: past the closing date, before the job has closed the survey, answers and
    // new responses are refused with the page that says it has closed, and no mail goes.
    jdbc.sql("update ri_survey set closes_on = date '2026-10-30' where id = ?").param(id).update();
    answer(tokens.get("Yksi Oy"), "save");
    assertThat(
            jdbc.sql("select saved_at is null from ri_response where token = ?")
                .param(tokens.get("Yksi Oy"))
                .query(Boolean.class)
                .single())
        .as("nothing saved after the closing date")
        .isTrue();
    String closedPage = respondentPage("/surveys/r/" + tokens.get("Yksi Oy"), "sv");
    assertThat(closedPage)
        .contains("id=\"survey-closed\"", "Enkäten tar inte längre emot svar.")
        .doesNotContain("action=\"/surveys/answer\"");
    assertThat(respondentPage(openLink, "fi"))
        .contains("id=\"survey-closed\"")
        .doesNotContain("id=\"start\"");
    MockHttpServletResponse start =
        mvc.perform(
                post("/surveys/start")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("token", openLink.substring("/surveys/open/".length())))
            .andReturn()
            .getResponse();
    assertThat(start.getRedirectedUrl()).isEqualTo(openLink);
    var pastDate = store.find(id).orElseThrow();
    assertThat(mailings.remind(pastDate, Language.FI)).isZero();
    // A response checked just before the date passed is not written after it either.
    assertThat(store.save(store.response(tokens.get("Yksi Oy")).orElseThrow(), true)).isFalse();
    // The owner sees it closed at once, as the respondents do: no form to invite, mail or date.
    assertThat(page(owner, "/surveys/manage/" + survey))
        .contains("id=\"survey-state\">Closed<", "id=\"publish\"")
        .doesNotContain("id=\"invitations\"", "id=\"closing\"", "id=\"close-survey\"");
    assertThat(page(owner, "/surveys/manage"))
        .contains("Closed")
        .doesNotContain("Open for answers");
    assertThat(closingDate(owner, survey, "1", "1", "2027").getStatus())
        .as("a new date would reopen it")
        .isEqualTo(409);
    assertThat(
            mvc.perform(post("/surveys/manage/" + survey + "/invitations/mail").with(owner))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(409);
    assertThat(store.invitations(id)).as("the job still does the cleanup").hasSize(3);

    // The job closes it as the owner's button does: the contacts and their mails are deleted.
    assertThat(closeDue()).isEqualTo(1);
    assertThat(store.find(id).orElseThrow().status().name()).isEqualTo("CLOSED");
    assertThat(store.invitations(id)).isEmpty();
    assertThat(outbox(yksi) + outbox(tva)).isZero();
    assertThat(closeDue()).as("closed once").isZero();
    // The open link still finds the survey, to say that it has closed.
    assertThat(respondentPage(openLink, "en"))
        .contains("This survey takes no more answers.")
        .doesNotContain("id=\"start\"");
    assertThat(closingDate(owner, survey, "1", "1", "2027").getStatus()).isEqualTo(409);
  }

  @Test
  void aSurveyPastItsDateIsPublishedAfterTheJobsCleanupAndADraftPastItIsNotOpened()
      throws Exception {
    RequestPostProcessor owner = owner();
    String survey = openSurvey(owner);
    UUID id = UUID.fromString(survey);
    invite(owner, survey, "Yksi Oy; " + yksi);
    jdbc.sql("update ri_survey set closes_on = date '2026-10-30' where id = ?").param(id).update();
    MockHttpServletResponse published =
        mvc.perform(post("/surveys/manage/" + survey + "/publish").with(owner))
            .andReturn()
            .getResponse();
    assertThat(published.getRedirectedUrl()).isEqualTo("/surveys/results/" + survey + "?published");
    var survey1 = store.find(id).orElseThrow();
    assertThat(survey1.status().name()).isEqualTo("CLOSED");
    assertThat(survey1.publishedAt()).isNotNull();
    assertThat(store.invitations(id)).as("closed as the job would: contacts deleted").isEmpty();

    // A draft whose date passed before it was opened stays a draft, the date's field named.
    String draft = draftSurvey(owner);
    jdbc.sql("update ri_survey set closes_on = date '2026-10-30' where id = ?")
        .param(UUID.fromString(draft))
        .update();
    MockHttpServletResponse refused =
        mvc.perform(
                post("/surveys/manage/" + draft + "/open")
                    .with(owner)
                    .header("Accept-Language", "en"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("The closing date has passed", "href=\"#closesOn\"", "id=\"closesOn-error\"");
    assertThat(store.find(UUID.fromString(draft)).orElseThrow().draft()).isTrue();
  }

  @Test
  void closingWithdrawsTheInvitationsStillWaitingInTheOutbox() throws Exception {
    RequestPostProcessor owner = owner();
    String survey = openSurvey(owner);
    invite(owner, survey, "Yksi Oy; " + yksi, "Två Ab; " + tva);
    assertThat(action(owner, survey, "/invitations/mail", "fi")).endsWith("?mailed=2#invitations");
    mvc.perform(post("/surveys/manage/" + survey + "/close").with(owner));
    assertThat(outbox(yksi) + outbox(tva)).as("withdrawn with their addresses").isZero();
    // The outbox's own round (every 30 s) may have sent one in the moment before the closing;
    // nothing arrives after it.
    int yksiAtClosing = mailsTo(yksi).size();
    int tvaAtClosing = mailsTo(tva).size();
    sendDue();
    assertThat(subjects(yksi)).hasSize(yksiAtClosing);
    assertThat(subjects(tva)).hasSize(tvaAtClosing);
  }

  @Test
  void aWaitingMailIsWithdrawnByItsKeyAndASentOrUnknownOneIsNot() throws Exception {
    String key = "test:withdraw:" + run;
    var message =
        new fi.osaava.notifications.NotificationMessage(
            Map.of(Language.FI, "Otsikko"), Map.of(Language.FI, "Teksti"), null);
    // Queued and withdrawn in one transaction, so that the outbox's own round cannot take it.
    Integer withdrawn =
        transactions.execute(
            status -> {
              notifications.mail(yksi, Language.FI, message, key + ":1");
              notifications.mail(tva, Language.FI, message, key + ":2");
              return notifications.withdrawMail(List.of(key + ":1", key + ":unknown"));
            });
    assertThat(withdrawn).isEqualTo(1);
    assertThat(outbox(yksi)).isZero();
    sendDue();
    assertThat(mailsTo(yksi)).isEmpty();
    assertThat(mailsTo(tva)).hasSize(1);
    assertThat(notifications.withdrawMail(List.of(key + ":2"))).as("sent already").isZero();
    assertThat(notifications.withdrawMail(List.of())).isZero();
  }

  /** Invites the companies, one line each ({@code name; e-mail; language}). */
  private void invite(RequestPostProcessor owner, String survey, String... companies)
      throws Exception {
    assertThat(
            mvc.perform(
                    post("/surveys/manage/" + survey + "/invitations")
                        .with(owner)
                        .param("companies", String.join("\n", companies)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(302);
  }

  /** The automatic reminders' form sent with the fields (name, value, ...), in English. */
  private MockHttpServletResponse schedule(
      RequestPostProcessor owner, String survey, String... fields) throws Exception {
    var request =
        post("/surveys/manage/" + survey + "/reminders/automatic")
            .with(owner)
            .header("Accept-Language", "en");
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  /** The closing date's form sent with day, month and year, in English. */
  private MockHttpServletResponse closingDate(
      RequestPostProcessor owner, String survey, String... dayMonthYear) throws Exception {
    return mvc.perform(
            post("/surveys/manage/" + survey + "/closing")
                .with(owner)
                .header("Accept-Language", "en")
                .param("closesDay", dayMonthYear[0])
                .param("closesMonth", dayMonthYear[1])
                .param("closesYear", dayMonthYear[2]))
        .andReturn()
        .getResponse();
  }

  /** A respondent's page, without signing in, in the language. */
  private String respondentPage(String path, String language) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).header("Accept-Language", language)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private int closeDue() {
    Integer closed =
        ReflectionTestUtils.invokeMethod(context.getBean("surveyReminderSchedule"), "closeDue");
    return closed == null ? 0 : closed;
  }

  /** The mails of the kind recorded for the survey's companies. */
  private int mails(String survey, String kind) {
    return jdbc.sql(
            "select count(*) from ri_contact_mail m join ri_response r on r.id = m.response_id"
                + " where r.survey_id = ? and m.kind = ?")
        .params(UUID.fromString(survey), kind)
        .query(Integer.class)
        .single();
  }

  private RequestPostProcessor owner() {
    return oidc.person(
        "developer-" + UUID.randomUUID(),
        Map.of(
            "osaava_roles",
            List.of("regional-developer"),
            "osaava_organisation",
            "https://mail-" + run + ".example.fi"));
  }

  private int remindDue() {
    Integer queued =
        ReflectionTestUtils.invokeMethod(context.getBean("surveyReminderSchedule"), "remindDue");
    return queued == null ? 0 : queued;
  }

  /** The reminders recorded for the survey's companies. */
  private int reminders(String survey) {
    return jdbc.sql(
            "select count(*) from ri_contact_mail m join ri_response r on r.id = m.response_id"
                + " where r.survey_id = ? and m.kind = 'REMINDER'")
        .param(UUID.fromString(survey))
        .query(Integer.class)
        .single();
  }

  /** The mails to the address waiting in the notifications outbox. */
  private int outbox(String address) {
    return jdbc.sql("select count(*) from nt_address_outbox where email = ?")
        .param(address)
        .query(Integer.class)
        .single();
  }

  /** B's open survey with one free-text question; returns its id. */
  private String openSurvey(RequestPostProcessor owner) throws Exception {
    String survey = draftSurvey(owner);
    mvc.perform(post("/surveys/manage/" + survey + "/open").with(owner));
    return survey;
  }

  /** B's draft survey with one free-text question; returns its id. */
  private String draftSurvey(RequestPostProcessor owner) throws Exception {
    String location =
        mvc.perform(
                post("/surveys/manage")
                    .with(owner)
                    .param("titleFi", "Osaamistarpeet " + run)
                    .param("titleSv", "Kompetensbehov " + run)
                    .param("titleEn", "Competence needs " + run))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/surveys/manage/");
    String survey = location.substring("/surveys/manage/".length());
    mvc.perform(
        post("/surveys/manage/" + survey + "/questions")
            .with(owner)
            .param("kind", "FREE_TEXT")
            .param("textFi", "Mitä?")
            .param("textSv", "Vad?")
            .param("textEn", "What?"));
    return survey;
  }

  private String action(RequestPostProcessor owner, String survey, String path, String language)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/surveys/manage/" + survey + path)
                    .with(owner)
                    .header("Accept-Language", language))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(302);
    return String.valueOf(response.getRedirectedUrl());
  }

  private String page(RequestPostProcessor owner, String path) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).with(owner).header("Accept-Language", "en"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  /** The companies' tokens, from the owner's CSV of links. */
  private Map<String, String> tokens(String survey) {
    return tokens(survey, 4);
  }

  private Map<String, String> tokens(String survey, int companies) {
    Map<String, String> tokens = new java.util.HashMap<>();
    store.invitations(UUID.fromString(survey)).forEach(i -> tokens.put(i.company(), i.token()));
    assertThat(tokens).hasSize(companies);
    return tokens;
  }

  private void answer(String token, String action) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/surveys/answer")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("token", token)
                    .param("industry", "62")
                    .param("sizeClass", "SMALL")
                    .param("municipality", "091")
                    .param("action", action))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).as(action).contains("/surveys/r/" + token);
  }

  /** Moves the survey's mails into the past, as if the days had gone by. */
  private void backdate(String survey, int days) {
    jdbc.sql(
            """
            update ri_contact_mail m set queued_at = queued_at - make_interval(days => ?)
            from ri_response r where r.id = m.response_id and r.survey_id = ?""")
        .params(days, UUID.fromString(survey))
        .update();
  }

  private void sendDue() {
    OutboxMail.sendDue(context);
  }

  private List<MimeMessage> mailsTo(String address) {
    return OutboxMail.to(mailServer, address);
  }

  /** The subjects and bodies of the mails to the address, to show what went where it should not. */
  private List<String> subjects(String address) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : mailsTo(address)) {
      subjects.add(
          m.getSubject() + " / " + m.getHeader("X-Osaava-Idempotency-Key")[0] + " / " + body(m));
    }
    return subjects;
  }

  private static String body(MimeMessage message) {
    return OutboxMail.body(message);
  }
}
