package fi.osaava.guidance.internal;

import fi.osaava.platform.DatabaseOutage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the guidance reminders every hour ({@code osaava.guidance.reminder-cron}) on one node, under
 * one ShedLock lease as the outbox does: first the counsellors' ({@link TaskReminders}), then the
 * clients' ({@link ClientReminders}), each in its own transaction. The lease is a minute, so that a
 * node that dies in a round hands the work over within a minute (issue 20); a round that outlasts
 * it may overlap another node's, which is safe: each step is claimed ({@code FOR UPDATE SKIP
 * LOCKED}) and marked in the transaction that puts its message in the outbox, and the message's
 * idempotency key makes a repeat add nothing.
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
  @SchedulerLock(name = "guidance-task-reminders", lockAtMostFor = "PT1M")
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
