package fi.osaava.guidance.internal;

import fi.osaava.platform.DatabaseOutage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the guidance reminders every hour ({@code osaava.guidance.reminder-cron}) on one node, under
 * one ShedLock lease as the outbox does: first the counsellors' ({@link TaskReminders}), then the
 * clients' ({@link ClientReminders}), each in its own transaction.
 */
@Component
class ReminderSchedule {

  private final TaskReminders counsellors;
  private final ClientReminders clients;

  ReminderSchedule(TaskReminders counsellors, ClientReminders clients) {
    this.counsellors = counsellors;
    this.clients = clients;
  }

  @Scheduled(cron = "${osaava.guidance.reminder-cron:0 7 * * * *}")
  @SchedulerLock(name = "guidance-task-reminders", lockAtMostFor = "PT10M")
  void run() {
    try {
      counsellors.remindDue();
      clients.remindDue();
    } catch (RuntimeException e) {
      // The supervision reports an outage; the next round reminds of what this one could not.
      if (!DatabaseOutage.causes(e)) {
        throw e;
      }
    }
  }
}
