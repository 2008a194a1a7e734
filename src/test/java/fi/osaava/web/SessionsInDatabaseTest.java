package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions live in PostgreSQL (Spring Session JDBC), so any node can serve a signed-in
 * request: after a real sign-in through the OpenID Connect code flow, a session repository of its
 * own on the same database, sharing nothing in memory with the running service (as another node
 * would), finds the session and reads every attribute back, the signed-in person included.
 */
class SessionsInDatabaseTest extends WebTestBase {

  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aSignedInSessionIsReadByAnotherNodesRepository() {
    var client = oidc.signIn(url(""), "sessions-in-database");
    HttpResponse<String> profile = client.get("/profile");
    assertThat(profile.statusCode()).isEqualTo(200);

    // Spring Session's cookie carries the session id in Base64.
    String id =
        new String(Base64.getDecoder().decode(client.sessionAfterSignIn()), StandardCharsets.UTF_8);
    var otherNode =
        new JdbcIndexedSessionRepository(
            new JdbcTemplate(dataSource), new TransactionTemplate(transactions));
    Session session = otherNode.findById(id);

    assertThat(session).as("the session is in the database").isNotNull();
    for (String name : session.getAttributeNames()) {
      assertThat((Object) session.getAttribute(name)).as(name + " deserialises").isNotNull();
    }
    SecurityContext security = session.getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(security.getAuthentication().getPrincipal())
        .isInstanceOfSatisfying(
            OidcUser.class,
            user -> assertThat(user.getSubject()).isEqualTo("sessions-in-database"));
    assertThat(client.sessionBeforeSignIn())
        .as("a new session id at sign-in")
        .isNotEqualTo(client.sessionAfterSignIn());
  }
}
