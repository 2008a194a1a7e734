package fi.osaava.web.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions once a minute, on one node at a time (under the ShedLock lease), and on
 * the service's own scheduler. Spring Session's built-in cleanup is switched off ({@code
 * spring.session.jdbc.cleanup-cron: "-"}): it runs on every node and on a private scheduler whose
 * failures, during a database outage the supervisor already reports, are logged as errors every
 * minute. On ours they wait quietly for the database (see the scheduler's error handler).
 */
@Component
class ExpiredSessionCleanup {

  // Absent outside a web application (the command line), where there are no sessions to clean.
  private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

  ExpiredSessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
    this.sessions = sessions;
  }

  @Scheduled(cron = "${osaava.sessions.cleanup-cron:0 * * * * *}")
  // A minute at most, as all background work (issue 20): two nodes deleting the same expired rows
  // at once is harmless, a cleanup stalled behind a dead node's lease is not.
  @SchedulerLock(name = "expired-session-cleanup", lockAtMostFor = "PT1M")
  void deleteExpiredSessions() {
    sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
  }
}
