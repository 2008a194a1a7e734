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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String yksi = "yksi-" + run + "@example.fi";
  final String tva = "tva-" + run + "@example.fi";
  final String nelja = "nelja-" + run + "@example.fi";

  @Test
  void invitationsAndRemindersGoOnceEachToThoseWhoHaveNotAnsweredAndStopAtClosing()
      throws Exception {
    RequestPostProcessor owner =
        oidc.person(
            "developer-" + UUID.randomUUID(),
            Map.of(
                "osaava_roles",
                List.of("regional-developer"),
                "osaava_organisation",
                "https://mail-" + run + ".example.fi"));
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
        .doesNotContain(tokens.get("Två Ab"));
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

  /** B's open survey with one free-text question; returns its id. */
  private String openSurvey(RequestPostProcessor owner) throws Exception {
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
    mvc.perform(post("/surveys/manage/" + survey + "/open").with(owner));
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
    Map<String, String> tokens = new java.util.HashMap<>();
    store.invitations(UUID.fromString(survey)).forEach(i -> tokens.put(i.company(), i.token()));
    assertThat(tokens).hasSize(4);
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
    ReflectionTestUtils.invokeMethod(context.getBean("mailOutbox"), "sendDue");
  }

  private List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage m : mailServer.getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
        mails.add(m);
      }
    }
    return mails;
  }

  private static String body(MimeMessage message) throws Exception {
    String text = String.valueOf(message.getContent());
    Matcher m = Pattern.compile("=\\r?\\n").matcher(text);
    return m.replaceAll("");
  }
}
