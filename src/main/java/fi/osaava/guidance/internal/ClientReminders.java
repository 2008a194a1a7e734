package fi.osaava.guidance.internal;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the client, through the notifications module (their inbox, and e-mail by their own choice
 * there, in their language), of what waits for them in their plan: a proposed step they have not
 * answered in {@link #ANSWER_AFTER}, a task coming due within {@link TaskReminders#REMIND_DAYS}
 * days, and a task overdue. Each step is reminded of once per window, and only while the client's
 * consent to the organisation is live and covers plans: a client who stopped sharing plans should
 * not be chased by that organisation. The client can turn reminders off on their plan page. Runs
 * every hour on one node, after the counsellors' reminders ({@link ReminderSchedule}).
 */
@Component
public class ClientReminders {

  /** A proposed step unanswered this long is reminded of. */
  public static final Duration ANSWER_AFTER = Duration.ofDays(3);

  /** The windows a step is reminded of in, each once; later ones are the more urgent. */
  enum Window {
    ANSWER,
    DUE,
    OVERDUE
  }

  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final CounsellorConsents consents;
  private final Notifications notifications;
  private final ReminderMessages messages;
  private final Clock clock;

  ClientReminders(
      JdbcClient jdbc,
      CounsellorConsents consents,
      Notifications notifications,
      ReminderMessages messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.consents = consents;
    this.notifications = notifications;
    this.messages = messages;
    this.clock = clock;
  }

  private record OpenStep(
      UUID id,
      PersonId client,
      String organisation,
      String kind,
      String status,
      String title,
      @Nullable LocalDate due,
      Instant created,
      Set<Window> handled) {}

  /**
   * Reminds the clients of the steps that entered a window since the last round; how many reminders
   * were sent. Each window is marked handled in the transaction that puts its message in the inbox.
   */
  @Transactional
  public int remindDue() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, HELSINKI);
    List<OpenStep> open =
        jdbc.sql(
                "SELECT s.id, s.client_id, s.organisation_id, s.kind, s.status, s.title, s.due_on,"
                    + " s.created_at, ARRAY(SELECT r.reminder FROM guidance_client_reminder r"
                    + " WHERE r.step_id = s.id) AS handled FROM guidance_step s"
                    + " WHERE (s.status = 'PROPOSED' AND s.created_at <= :answer"
                    + "   AND NOT EXISTS (SELECT 1 FROM guidance_client_reminder r"
                    + "     WHERE r.step_id = s.id AND r.reminder = 'ANSWER'))"
                    + " OR (s.kind = 'TASK' AND s.status IN ('PROPOSED', 'ACCEPTED')"
                    + "   AND s.due_on <= :dueBy AND NOT EXISTS (SELECT 1 FROM"
                    + "     guidance_client_reminder r WHERE r.step_id = s.id AND r.reminder ="
                    + "     CASE WHEN s.due_on < :today THEN 'OVERDUE' ELSE 'DUE' END))"
                    + " ORDER BY s.created_at, s.id LIMIT :batch FOR UPDATE OF s SKIP LOCKED")
            .param("answer", Timestamp.from(now.minus(ANSWER_AFTER)))
            .param("dueBy", Date.valueOf(today.plusDays(TaskReminders.REMIND_DAYS)))
            .param("today", Date.valueOf(today))
            .param("batch", BATCH)
            .query(
                (rs, row) -> {
                  Date due = rs.getDate("due_on");
                  return new OpenStep(
                      rs.getObject("id", UUID.class),
                      new PersonId(rs.getObject("client_id", UUID.class)),
                      rs.getString("organisation_id"),
                      rs.getString("kind"),
                      rs.getString("status"),
                      rs.getString("title"),
                      due == null ? null : due.toLocalDate(),
                      rs.getTimestamp("created_at").toInstant(),
                      Arrays.stream((Object[]) rs.getArray("handled").getArray())
                          .map(w -> Window.valueOf((String) w))
                          .collect(Collectors.toCollection(() -> EnumSet.noneOf(Window.class))));
                })
            .list();
    Map<PersonId, Set<String>> sharingPlans = new HashMap<>();
    Map<PersonId, Boolean> wanted = new HashMap<>();
    int sent = 0;
    for (OpenStep step : open) {
      Set<Window> windows = windows(step, now, today);
      windows.removeAll(step.handled());
      if (windows.isEmpty()) {
        continue;
      }
      // One message per round, of the most urgent window; the others it covers are marked too,
      // so that a task first seen overdue is not also reminded of as coming due.
      Window urgent = windows.stream().max(Enum::compareTo).orElseThrow();
      boolean send =
          wanted.computeIfAbsent(step.client(), this::wantsReminders)
              && sharingPlans
                  .computeIfAbsent(step.client(), c -> organisationsSharingPlans(c, now))
                  .contains(step.organisation());
      boolean delivered =
          send
              && notifications.send(
                  step.client(),
                  message(step, urgent),
                  "guidance:client-step:" + step.id() + ":" + urgent);
      if (delivered) {
        sent++;
      }
      for (Window w : windows) {
        jdbc.sql(
                "INSERT INTO guidance_client_reminder (step_id, reminder, handled_at, sent)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(step.id(), w.name(), Timestamp.from(now), delivered && w == urgent)
            .update();
      }
    }
    return sent;
  }

  private static Set<Window> windows(OpenStep step, Instant now, LocalDate today) {
    Set<Window> windows = EnumSet.noneOf(Window.class);
    if (step.status().equals("PROPOSED") && !step.created().isAfter(now.minus(ANSWER_AFTER))) {
      windows.add(Window.ANSWER);
    }
    if (step.kind().equals("TASK")
        && step.due() != null
        && !step.due().isAfter(today.plusDays(TaskReminders.REMIND_DAYS))) {
      windows.add(Window.DUE);
      if (step.due().isBefore(today)) {
        windows.add(Window.OVERDUE);
      }
    }
    return windows;
  }

  private Set<String> organisationsSharingPlans(PersonId client, Instant now) {
    return consents.grantsOf(client).stream()
        .filter(g -> g.liveAt(now) && g.parts().contains(SharedPart.PLANS))
        .map(CounsellorGrant::organisation)
        .collect(Collectors.toSet());
  }

  /** Whether the client wants reminders: yes unless they turned them off. */
  @Transactional(readOnly = true)
  public boolean wantsReminders(PersonId client) {
    return jdbc.sql("SELECT reminders FROM guidance_client_setting WHERE person_id = ?")
        .param(client.value())
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  /** The client turns reminders on or off. */
  @Transactional
  public void setWantsReminders(PersonId client, boolean on) {
    jdbc.sql(
            "INSERT INTO guidance_client_setting (person_id, reminders, changed_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (person_id)"
                + " DO UPDATE SET reminders = excluded.reminders, changed_at = excluded.changed_at")
        .params(client.value(), on, Timestamp.from(clock.instant()))
        .update();
  }

  /** The client's setting, for their export: absent when never changed. */
  Map<String, Object> export(PersonId client) {
    return jdbc
        .sql(
            "SELECT reminders, changed_at::text AS changed_at FROM guidance_client_setting"
                + " WHERE person_id = ?")
        .param(client.value())
        .query()
        .listOfRows()
        .stream()
        .findFirst()
        .orElse(Map.of());
  }

  /** Deletes the client's setting (their steps' reminder rows go with the steps). */
  void forget(PersonId client) {
    jdbc.sql("DELETE FROM guidance_client_setting WHERE person_id = ?")
        .param(client.value())
        .update();
  }

  private NotificationMessage message(OpenStep step, Window window) {
    String day =
        step.due() == null ? "" : step.due().format(DateTimeFormatter.ofPattern("d.M.yyyy"));
    String key = "guidance.clientReminder." + window.name().toLowerCase(Locale.ROOT);
    return messages.message(
        key + ".title",
        key + ".text",
        new Object[] {step.title(), day, step.organisation()},
        "/guidance/plan");
  }
}
