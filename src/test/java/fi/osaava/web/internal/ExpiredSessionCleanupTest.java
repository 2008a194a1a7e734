package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.web.WebTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's own cleanup is switched off; ours deletes the expired sessions and keeps the
 * live ones.
 */
class ExpiredSessionCleanupTest extends WebTestBase {

  @Autowired JdbcIndexedSessionRepository sessions;
  @Autowired ExpiredSessionCleanup cleanup;

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"}) // its session class is private to Spring Session
  void expiredSessionsAreDeletedAndLiveOnesKept() {
    SessionRepository<Session> sessions = (SessionRepository) this.sessions;
    Session expired = sessions.createSession();
    expired.setMaxInactiveInterval(Duration.ofMinutes(1));
    expired.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(5)));
    expired.setAttribute("note", "expired");
    sessions.save(expired);
    Session live = sessions.createSession();
    live.setAttribute("note", "live");
    sessions.save(live);

    cleanup.deleteExpiredSessions();

    assertThat(sessions.findById(expired.getId())).as("the expired session").isNull();
    assertThat(sessions.findById(live.getId())).as("the live session").isNotNull();
  }
}
