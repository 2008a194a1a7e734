package fi.osaava.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.notifications.Notifications;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * The client's reminders on a clock the test moves: once per step and window, only while the
 * consent covers plans, not when the client turned them off, with the client's language among the
 * texts. The steps are made through the pages on the shared context's fixed clock; the reminders
 * run on a clock that starts there and moves forward.
 */
class ClientRemindersTest extends WebTestBase {

  /** A clock the test sets. */
  static final class MovableClock extends Clock {
    private Instant now = FixedClock.NOW;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Europe/Helsinki");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Autowired JdbcClient jdbc;
  @Autowired CounsellorConsents consents;
  @Autowired Notifications notifications;
  @Autowired ReminderMessages messages;
  @Autowired ObjectMapper json;
  @Autowired TaskReminders counsellorReminders;
  @Autowired ClientReminders clientReminders;

  MovableClock clock;
  ClientReminders reminders;
  RequestPostProcessor client;
  RequestPostProcessor counsellor;
  PersonId clientId;
  CounsellorGrant grant;

  @BeforeEach
  void clientSharesPlansWithACounsellor() throws Exception {
    clock = new MovableClock();
    reminders = new ClientReminders(jdbc, consents, notifications, messages, clock);
    counsellor =
        oidc.person(
            "counsellor-" + UUID.randomUUID(),
            Map.of(
                "osaava_roles",
                List.of("guidance-counsellor"),
                "osaava_organisation",
                "org-a",
                "name",
                "Anna Ohjaaja"));
    client = oidc.person("client-" + UUID.randomUUID());
    clientId =
        PersonId.of(
            json.readTree(
                    mvc.perform(get("/api/v1/profile").with(client))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("person")
                .asString());
    String code =
        (String)
            mvc.perform(post("/guidance/invitations").with(counsellor))
                .andReturn()
                .getFlashMap()
                .get("invitationCode");
    send(
        client,
        "/guidance/sharing",
        "code",
        code,
        "name",
        "Asiakas",
        "parts",
        "PLANS",
        "months",
        "3");
    grant = consents.grantsOf(clientId).getFirst();
  }

  MockHttpServletResponse send(RequestPostProcessor who, String path, String... params)
      throws Exception {
    var request = post(path).with(who).header("Accept-Language", "sv");
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  UUID step(String kind, String title, String due) throws Exception {
    send(
        counsellor,
        "/guidance/clients/" + grant.id() + "/steps",
        "kind",
        kind,
        "title",
        title,
        "due",
        due);
    return jdbc.sql("SELECT id FROM guidance_step WHERE title = ?")
        .param(title)
        .query(UUID.class)
        .single();
  }

  /** The client's reminders in their inbox: key and Swedish title. */
  Map<String, String> inbox() {
    Map<String, String> found = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT idempotency_key, titles->>'sv' FROM nt_inbox WHERE person_id = ?"
                + " AND idempotency_key LIKE 'guidance:client-step:%'")
        .param(clientId.value())
        .query(
            (rs, row) -> {
              found.put(rs.getString(1), rs.getString(2));
              return null;
            })
        .list();
    return found;
  }

  @Test
  void eachStepIsRemindedOfOncePerWindowInTheClientsLanguage() throws Exception {
    send(
        client,
        "/notifications/settings",
        "email",
        "asiakas-" + UUID.randomUUID() + "@example.fi",
        "frequency",
        "IMMEDIATE");
    String service = "Service-" + UUID.randomUUID();
    String task = "Task-" + UUID.randomUUID();
    // FixedClock.NOW is 31 October 2026: the task is due on 10 November.
    UUID serviceStep = step("SERVICE", service, "");
    UUID taskStep = step("TASK", task, "2026-11-10");

    reminders.remindDue();
    assertThat(inbox()).as("nothing waits yet").isEmpty();

    // Three days on the service awaits an answer, and the task is due within a week: one message
    // each, the task's the more urgent one.
    clock.advance(ClientReminders.ANSWER_AFTER.plusHours(1));
    reminders.remindDue();
    assertThat(inbox())
        .containsOnlyKeys(
            "guidance:client-step:" + serviceStep + ":ANSWER",
            "guidance:client-step:" + taskStep + ":DUE");
    assertThat(inbox().get("guidance:client-step:" + taskStep + ":DUE"))
        .isEqualTo("En uppgift i din plan ska vara klar 10.11.2026");
    // The mail goes in the client's language: Swedish, where they chose mail.
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM nt_outbox o JOIN nt_recipient r USING (person_id)"
                        + " WHERE o.person_id = ? AND r.language = 'sv'")
                .param(clientId.value())
                .query(Long.class)
                .single())
        .isEqualTo(2);

    // Once per window: later rounds in the same windows send nothing more.
    reminders.remindDue();
    clock.advance(Duration.ofDays(2));
    reminders.remindDue();
    assertThat(inbox()).hasSize(2);

    // Accepted but not done, the task is overdue on 11 November: one more, and only one.
    send(client, "/guidance/plan/steps/" + taskStep + "/decision", "decision", "accept");
    clock.advance(Duration.ofDays(6));
    reminders.remindDue();
    reminders.remindDue();
    assertThat(inbox()).hasSize(3).containsKey("guidance:client-step:" + taskStep + ":OVERDUE");

    // A step done is not reminded of.
    String done = "Done-" + UUID.randomUUID();
    UUID doneStep = step("TASK", done, "2026-11-01");
    send(client, "/guidance/plan/steps/" + doneStep + "/decision", "decision", "accept");
    send(client, "/guidance/plan/steps/" + doneStep + "/done");
    reminders.remindDue();
    assertThat(inbox()).hasSize(3);
  }

  @Test
  void twoNodesWhoseRoundsOverlapSendEachReminderOnce() throws Exception {
    // Issue 20: the schedule's lease is a minute, so a long round may overlap another node's. The
    // services as the schedule runs them (each round its own transaction, on the shared fixed
    // clock), on two threads at once.
    List<UUID> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // FixedClock.NOW is 31 October 2026: due on 3 November, within the week.
      tasks.add(step("TASK", "Overlap-" + i + "-" + UUID.randomUUID(), "2026-11-03"));
    }
    long before = guidanceMessages();
    List<Integer> sent =
        fi.osaava.platform.ConcurrentRounds.run(
            2, () -> counsellorReminders.remindDue() + clientReminders.remindDue());
    assertThat(sent.stream().mapToLong(Integer::longValue).sum())
        .as("what the two nodes say they sent is what arrived: nothing twice")
        .isEqualTo(guidanceMessages() - before);
    for (UUID task : tasks) {
      assertThat(messages("guidance:task:" + task)).as("the counsellor's").isEqualTo(1);
      assertThat(messages("guidance:client-step:" + task + ":DUE")).as("the client's").isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT count(*) FROM guidance_client_reminder WHERE step_id = ? AND sent")
                  .param(task)
                  .query(Long.class)
                  .single())
          .as("marked sent once")
          .isEqualTo(1);
    }
    assertThat(
            fi.osaava.platform.ConcurrentRounds.run(
                2, () -> counsellorReminders.remindDue() + clientReminders.remindDue()))
        .containsOnly(0);
  }

  long guidanceMessages() {
    return jdbc.sql("SELECT count(*) FROM nt_inbox WHERE idempotency_key LIKE 'guidance:%'")
        .query(Long.class)
        .single();
  }

  long messages(String key) {
    return jdbc.sql("SELECT count(*) FROM nt_inbox WHERE idempotency_key = ?")
        .param(key)
        .query(Long.class)
        .single();
  }

  @Test
  void revokingTheConsentStopsTheReminders() throws Exception {
    UUID before = step("TASK", "Before-" + UUID.randomUUID(), "2026-11-03");
    UUID after = step("SERVICE", "After-" + UUID.randomUUID(), "");
    reminders.remindDue();
    assertThat(inbox()).containsOnlyKeys("guidance:client-step:" + before + ":DUE");

    send(client, "/guidance/sharing/" + grant.id() + "/revoke");
    clock.advance(Duration.ofDays(5));
    reminders.remindDue();
    assertThat(inbox()).as("neither overdue nor awaiting answer after revocation").hasSize(1);
    // Handled without sending, so not sent later either.
    assertThat(
            jdbc.sql("SELECT count(*) FROM guidance_client_reminder WHERE step_id = ? AND NOT sent")
                .param(after)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aClientWhoTurnedRemindersOffIsNotReminded() throws Exception {
    assertThat(send(client, "/guidance/plan/reminders", "reminders", "maybe").getStatus())
        .isEqualTo(400);
    assertThat(send(client, "/guidance/plan/reminders", "reminders", "off").getRedirectedUrl())
        .startsWith("/guidance/plan?reminders");
    String page =
        mvc.perform(get("/guidance/plan").with(client).header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).containsPattern("id=\"reminders-off\"[^>]*checked");
    step("TASK", "Quiet-" + UUID.randomUUID(), "2026-11-02");
    reminders.remindDue();
    assertThat(inbox()).isEmpty();

    // Turned on again, new windows are reminded of (not the ones that passed while off).
    send(client, "/guidance/plan/reminders", "reminders", "on");
    clock.advance(Duration.ofDays(3));
    reminders.remindDue();
    assertThat(inbox()).hasSize(1).allSatisfy((key, title) -> assertThat(key).endsWith(":OVERDUE"));
    assertThat(reminders.wantsReminders(clientId)).isTrue();
  }
}
