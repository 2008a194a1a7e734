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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the counsellor who set a task, through the notifications module (their inbox, and e-mail
 * by their own choice there, in their language), when the task comes within {@link #REMIND_DAYS}
 * days of its due date or is overdue and still open: once per task. Runs every hour on one node
 * ({@link ReminderSchedule}). A reminder goes only while the client's consent to that counsellor in
 * that organisation is live and covers the plan, and the mail says no more than the caseload shows:
 * the client's chosen name, the task's title and its due date.
 */
@Component
public class TaskReminders {

  /** A task due within this many days, or overdue, is reminded of (as on the caseload). */
  public static final int REMIND_DAYS = 7;

  // Tasks are due on days in Finland, where the counsellors work.
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final CounsellorConsents consents;
  private final Notifications notifications;
  private final ReminderMessages messages;
  private final Clock clock;

  TaskReminders(
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

  private record DueTask(
      UUID id,
      PersonId client,
      String organisation,
      PersonId author,
      String title,
      LocalDate due) {}

  /**
   * Reminds of the open tasks that have come due and were not reminded of yet; how many reminders
   * were sent. Each task is marked in the same transaction as its message is put in the outbox.
   */
  @Transactional
  public int remindDue() {
    LocalDate today = LocalDate.now(clock.withZone(HELSINKI));
    List<DueTask> due =
        jdbc.sql(
                "SELECT id, client_id, organisation_id, author_id, title, due_on FROM guidance_step"
                    + " WHERE kind = 'TASK' AND status IN ('PROPOSED', 'ACCEPTED')"
                    + " AND reminded_at IS NULL AND due_on <= ?"
                    + " ORDER BY due_on, id LIMIT ? FOR UPDATE SKIP LOCKED")
            .params(Date.valueOf(today.plusDays(REMIND_DAYS)), BATCH)
            .query(
                (rs, row) ->
                    new DueTask(
                        rs.getObject(1, UUID.class),
                        new PersonId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        new PersonId(rs.getObject(4, UUID.class)),
                        rs.getString(5),
                        rs.getDate(6).toLocalDate()))
            .list();
    Map<String, List<CounsellorGrant>> caseloads = new HashMap<>();
    int sent = 0;
    for (DueTask task : due) {
      Optional<CounsellorGrant> grant =
          active(task.author(), task.organisation())
              ? caseloads
                  .computeIfAbsent(
                      task.author().value() + " " + task.organisation(),
                      k -> consents.caseload(task.author(), task.organisation()))
                  .stream()
                  .filter(
                      g -> g.client().equals(task.client()) && g.parts().contains(SharedPart.PLANS))
                  .findFirst()
              : Optional.empty();
      if (grant.isPresent()
          && notifications.send(
              task.author(), message(task, grant.get()), "guidance:task:" + task.id())) {
        sent++;
      }
      jdbc.sql("UPDATE guidance_step SET reminded_at = ? WHERE id = ?")
          .params(Timestamp.from(clock.instant()), task.id())
          .update();
    }
    return sent;
  }

  /** Whether the counsellor is still one of the organisation (not removed by its administrator). */
  private boolean active(PersonId counsellor, String organisation) {
    return jdbc.sql(
                "SELECT count(*) FROM guidance_counsellor WHERE person_id = ? AND organisation_id = ?"
                    + " AND removed_at IS NOT NULL")
            .params(counsellor.value(), organisation)
            .query(Long.class)
            .single()
        == 0;
  }

  private NotificationMessage message(DueTask task, CounsellorGrant grant) {
    String day = task.due().format(DateTimeFormatter.ofPattern("d.M.yyyy"));
    return messages.message(
        "guidance.reminder.mail.title",
        "guidance.reminder.mail.text",
        new Object[] {grant.clientName(), task.title(), day},
        "/guidance/clients/" + grant.id());
  }
}
