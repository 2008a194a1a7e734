package fi.osaava.regionalintelligence.internal;

import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, on one node at a time under a ShedLock lease of a minute (platform's background
 * work), as the other jobs do: closes the surveys past their closing date through the owner's own
 * {@link SurveyStore#close} (contacts deleted, queued mails withdrawn), then sends the reminders
 * before closing and the automatic reminders (the owner turns them on per survey). Each survey's
 * reminders go through {@link SurveyMailings#remindAutomatically} in a transaction of their own
 * that locks the survey's row, records each mail and derives its outbox key from the record: a
 * round overlapping another node's (after the lease ran out) finds the mails recorded and queues
 * none twice, and a survey closed meanwhile gets nothing.
 */
@Component
class SurveyReminderSchedule {

  private final SurveyStore store;
  private final SurveyMailings mailings;

  SurveyReminderSchedule(SurveyStore store, SurveyMailings mailings) {
    this.store = store;
    this.mailings = mailings;
  }

  @Scheduled(cron = "${osaava.regional.auto-reminder-cron:0 7 * * * *}")
  @SchedulerLock(name = "regional-survey-reminders", lockAtMostFor = "PT1M")
  void scheduled() {
    // A round that fails in a database outage is logged quietly by the platform's scheduler, and
    // the next round does what this one could not.
    closeDue();
    remindDue();
  }

  /** Closes every open survey past its closing date; how many were closed. */
  int closeDue() {
    List<UUID> due = store.pastClosingDate(mailings.today());
    due.forEach(store::close);
    return due.size();
  }

  /**
   * Queues every open survey's reminders due now, those before closing first (so that a company due
   * both gets the one that names the date); how many were queued.
   */
  int remindDue() {
    int queued = 0;
    for (UUID id : mailings.nearClosing()) {
      queued += store.find(id).map(mailings::remindBeforeClosing).orElse(0);
    }
    for (UUID id : mailings.withAutoReminders()) {
      queued += store.find(id).map(mailings::remindAutomatically).orElse(0);
    }
    return queued;
  }
}
